import {defineRule} from '../define';

export default defineRule({
  id: 'lost-content',
  description: 'Content that the page would show but the reference and export would drop: nested lists, extra paragraphs, a second list.',
  severity: 'error',
});
