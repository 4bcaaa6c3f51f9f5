import {defineRule} from '../define';

export default defineRule({
  id: 'unknown-element',
  description: 'A threat\'s Flows names an element its model does not declare.',
  severity: 'error',
});
