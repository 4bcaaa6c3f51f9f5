import {defineRule} from '../define';

export default defineRule({
  id: 'id-prefix',
  description: 'A threat ID\'s prefix does not match its use case.',
  severity: 'error',
});
