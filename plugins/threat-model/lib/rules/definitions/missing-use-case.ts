import {defineRule} from '../define';

export default defineRule({
  id: 'missing-use-case',
  description: 'A configured use case has no threat-model file.',
  severity: 'error',
});
