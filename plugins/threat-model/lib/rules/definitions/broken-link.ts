import {defineRule} from '../define';

export default defineRule({
  id: 'broken-link',
  description: 'A local link or image whose target page or file does not exist.',
  severity: 'error',
});
