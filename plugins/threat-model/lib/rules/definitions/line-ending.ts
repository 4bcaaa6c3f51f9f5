import {defineRule} from '../define';

export default defineRule({
  id: 'line-ending',
  description: 'A lone carriage return (CR) as a line ending.',
  severity: 'error',
});
