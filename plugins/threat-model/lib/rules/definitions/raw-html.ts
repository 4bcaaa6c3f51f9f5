import {defineRule} from '../define';

export default defineRule({
  id: 'raw-html',
  description: 'Raw HTML beyond the few inline elements the format allows, or any raw HTML in a heading.',
  severity: 'error',
});
