import {defineRule} from '../define';

export default defineRule({
  id: 'control-character',
  description: 'A control or bidirectional-override character in the text.',
  severity: 'error',
});
