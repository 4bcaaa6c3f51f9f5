import {defineRule} from '../define';

export default defineRule({
  id: 'unknown-flow',
  description: 'A threat\'s Flows names a flow its model does not declare.',
  severity: 'error',
});
