import {defineRule} from '../define';

export default defineRule({
  id: 'dangling-flow',
  description: 'A flow\'s From or To names an element the Data flows section does not declare.',
  severity: 'error',
});
