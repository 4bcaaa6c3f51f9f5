import {defineRule} from '../define';

export default defineRule({
  id: 'malformed-id',
  description: 'A threat ID does not have the form PREFIX-NN.',
  severity: 'error',
});
