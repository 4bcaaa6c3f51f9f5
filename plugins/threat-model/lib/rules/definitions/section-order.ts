import {defineRule} from '../define';

export default defineRule({
  id: 'section-order',
  description: 'Sections are not in the documented order.',
  severity: 'warning',
});
