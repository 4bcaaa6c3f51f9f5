import {defineRule} from '../define';

export default defineRule({
  id: 'invalid-reference',
  description: 'A reference is neither a CVE ID, a CWE ID nor an http(s) URL.',
  severity: 'error',
});
