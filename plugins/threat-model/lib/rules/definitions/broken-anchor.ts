import {defineRule} from '../define';

export default defineRule({
  id: 'broken-anchor',
  description: 'A link to an anchor (`#ID`) that the target page does not have.',
  severity: 'error',
});
