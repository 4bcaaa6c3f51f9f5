import {defineRule} from '../define';

export default defineRule({
  id: 'zone-cycle',
  description: 'Zones of the Data flows section are inside each other in a cycle.',
  severity: 'error',
});
