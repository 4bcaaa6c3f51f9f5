import {defineRule} from '../define';

export default defineRule({
  id: 'impossible-cve',
  description: 'A cited CVE ID that the CVE program cannot have assigned: a year before 1999 or after the current one, sequence number 0, or a number of five or more digits with a leading zero.',
  severity: 'error',
});
