import {defineRule} from '../define';

export default defineRule({
  id: 'misplaced-threat',
  description: 'A heading that carries a threat ID but is not a `###` heading of the Threats section.',
  severity: 'error',
});
