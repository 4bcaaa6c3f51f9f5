import {defineRule} from '../define';

export default defineRule({
  id: 'retired-id',
  description: 'A threat uses an ID listed in `retiredIds` of the configuration: a removed ID is never given to another threat, since links and reports elsewhere still point at the old one.',
  severity: 'error',
});
