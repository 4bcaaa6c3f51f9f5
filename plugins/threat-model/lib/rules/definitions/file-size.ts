import {defineRule} from '../define';

export default defineRule({
  id: 'file-size',
  description: 'The file is larger than the check reads (128 KiB): Markdown parsing slows down sharply on some large inputs.',
  severity: 'error',
});
