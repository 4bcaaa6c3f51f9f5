import {defineRule} from '../define';

export default defineRule({
  id: 'front-matter-fence',
  description: 'The front matter does not open with a line `---` or does not close with one.',
  severity: 'error',
});
