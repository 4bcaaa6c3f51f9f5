import {defineRule} from '../define';

export default defineRule({
  id: 'unknown-use-case',
  description: 'The front matter names a use case that is not configured.',
  severity: 'error',
});
