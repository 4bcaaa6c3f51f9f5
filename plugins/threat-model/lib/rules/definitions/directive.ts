import {defineRule} from '../define';

export default defineRule({
  id: 'directive',
  description: 'Markdown directive syntax (`:name[…]`, `::name`, `:::name`) that the site would render as an element.',
  severity: 'error',
});
