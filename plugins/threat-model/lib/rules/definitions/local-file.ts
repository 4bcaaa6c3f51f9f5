import {defineRule} from '../define';

export default defineRule({
  id: 'local-file',
  description: 'A link or image that points at a file outside the site, or uses `@site/`, an absolute path or `file:`.',
  severity: 'error',
});
