/**
 * The Markdown dialect of threat-model pages: the one the site renders.
 *
 * Docusaurus compiles a `.md` file with remark-parse plus the syntax
 * extensions of remark-frontmatter, remark-directive and remark-gfm
 * (`@docusaurus/mdx-loader`, `processor.js`). The check parses with exactly
 * these packages, at the versions Docusaurus resolves (a unit test pins
 * that), so it reads the tree the site renders, not plain CommonMark.
 */
import type {Root} from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import {unified} from 'unified';

/** The syntax plugins Docusaurus applies to every `.md` page, in its order. */
export const SITE_SYNTAX_PLUGINS = ['remark-frontmatter', 'remark-directive', 'remark-gfm'] as const;

const processor = unified().use(remarkParse).use(remarkFrontmatter).use(remarkDirective).use(remarkGfm).freeze();

/** Parse a whole file, front matter included, so positions are file positions. */
export function parseMarkdown(text: string): Root {
  return processor.parse(text) as Root;
}
