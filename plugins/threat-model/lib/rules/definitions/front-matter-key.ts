import {defineRule} from '../define';

export default defineRule({
  id: 'front-matter-key',
  description: 'A Docusaurus front-matter key that would change the page\'s route, visibility or rendering.',
  severity: 'error',
});
