import {defineRule} from '../define';

export default defineRule({
  id: 'missing-trust-list',
  description: 'The Trust section lacks its Trusted: or Untrusted: list.',
  severity: 'error',
});
