import {defineRule} from '../define';

export default defineRule({
  id: 'duplicate-field',
  description: 'A field appears twice in one threat.',
  severity: 'error',
});
