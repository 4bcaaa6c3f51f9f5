import {defineRule} from '../define';

export default defineRule({
  id: 'invalid-value',
  description: 'A field has a value outside its allowed set.',
  severity: 'error',
});
