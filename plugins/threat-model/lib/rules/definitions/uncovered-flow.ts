import {defineRule} from '../define';

export default defineRule({
  id: 'uncovered-flow',
  description: 'A flow that crosses a trust boundary is named by no threat\'s Flows (a warning unless `dataFlows.uncoveredFlows` in the configuration is `error`).',
  severity: 'warning',
});
