import {defineRule} from '../define';

export default defineRule({
  id: 'unknown-zone',
  description: 'An element\'s Zone or a zone\'s Inside names a zone the Data flows section does not declare.',
  severity: 'error',
});
