import {defineRule} from '../define';

export default defineRule({
  id: 'unsupported-markdown',
  description: 'Markdown the format does not carry to the reference and export (footnotes, task-list boxes), or that the site rewrites before reading it (`mdx-code-block` fences).',
  severity: 'error',
});
