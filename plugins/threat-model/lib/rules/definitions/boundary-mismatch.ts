import {defineRule} from '../define';

export default defineRule({
  id: 'boundary-mismatch',
  description: 'A flow between a trusted and an untrusted zone is marked Boundary `no`.',
  severity: 'error',
});
