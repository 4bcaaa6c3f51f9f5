import {defineRule} from '../define';

export default defineRule({
  id: 'no-front-matter',
  description: 'The file has no front matter block.',
  severity: 'error',
});
