import {defineRule} from '../define';

export default defineRule({
  id: 'unknown-section',
  description: 'A section heading is not part of the format.',
  severity: 'error',
});
