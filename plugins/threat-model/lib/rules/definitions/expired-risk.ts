import {defineRule} from '../define';

export default defineRule({
  id: 'expired-risk',
  description: 'A threat tracked as a risk whose `Review by` date has passed: an accepted risk stays accepted only until its review, so the check names the threat and its owner until someone reviews it and sets a new date.',
  severity: 'error',
});
