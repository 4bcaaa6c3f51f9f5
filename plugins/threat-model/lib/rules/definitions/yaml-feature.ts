import {defineRule} from '../define';

export default defineRule({
  id: 'yaml-feature',
  description: 'The front matter uses a YAML feature beyond plain data: a tag, an anchor, an alias or a merge key.',
  severity: 'error',
});
