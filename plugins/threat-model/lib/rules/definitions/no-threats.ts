import {defineRule} from '../define';

export default defineRule({
  id: 'no-threats',
  description: 'The Threats section has no threat.',
  severity: 'error',
});
