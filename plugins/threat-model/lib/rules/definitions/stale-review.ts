import {defineRule} from '../define';

export default defineRule({
  id: 'stale-review',
  description: 'A model whose `last_reviewed` date is older than `review.maxAgeDays` in the configuration (default 365 days): its facts may have aged with the runtime\'s security releases.',
  severity: 'warning',
});
