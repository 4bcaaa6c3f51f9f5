import {defineRule} from '../define';

export default defineRule({
  id: 'heading-content',
  description: 'A heading holds a link, an image, emphasis or strikethrough: headings are plain text and code.',
  severity: 'error',
});
