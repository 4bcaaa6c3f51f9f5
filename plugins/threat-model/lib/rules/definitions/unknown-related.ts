import {defineRule} from '../define';

export default defineRule({
  id: 'unknown-related',
  description: 'A Related ID exists in no file.',
  severity: 'error',
});
