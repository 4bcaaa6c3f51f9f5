import {defineRule} from '../define';

export default defineRule({
  id: 'yaml-syntax',
  description: 'The front matter is not valid YAML.',
  severity: 'error',
});
