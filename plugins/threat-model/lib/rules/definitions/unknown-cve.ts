import {defineRule} from '../define';

export default defineRule({
  id: 'unknown-cve',
  description: 'With a CVE database configured: a cited CVE that the database lacks, whose ID is not above the snapshot\'s highest, and that `evidence.otherProducts` does not declare as another product\'s.',
  severity: 'error',
});
