/**
 * The highlighted code block: Prism's extra languages registered (the client
 * module that perfPlugin keeps out of the main bundle, see ../index.ts), then
 * Docusaurus's own CodeBlock. The server bundle imports it as it is, the
 * client bundle through deferred.tsx.
 */
import '@docusaurus/theme-classic/lib/prism-include-languages';

export {default} from '@theme-init/CodeBlock';
