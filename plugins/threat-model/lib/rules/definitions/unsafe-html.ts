import {defineRule} from '../define';

export default defineRule({
  id: 'unsafe-html',
  description: 'Raw HTML or a URL that could run script.',
  severity: 'error',
});
