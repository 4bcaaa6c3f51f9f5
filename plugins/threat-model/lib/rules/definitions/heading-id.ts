import {defineRule} from '../define';

export default defineRule({
  id: 'heading-id',
  description: 'An explicit `{#id}` on a heading that is not a threat, or not written as plain text at its end.',
  severity: 'error',
});
