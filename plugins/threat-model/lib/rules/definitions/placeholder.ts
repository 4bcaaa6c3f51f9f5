import {defineRule} from '../define';

export default defineRule({
  id: 'placeholder',
  description: 'Text left from the scaffold (`npm run new`) that was never replaced.',
  severity: 'error',
});
