/**
 * A theme component bundled in memory for Node.js, with stand-ins for
 * Docusaurus's modules, and run with the site's React: what the component
 * puts in the stand-ins is what the tests see, rendered to static HTML as
 * the build renders it.
 */
import path from 'node:path';
import {build} from 'esbuild';
import type {ComponentType} from 'react';

const plugin = path.resolve(__dirname, '..', '..', 'plugins', 'threat-model');

/** Docusaurus's modules as plain elements and empty data. */
export const STAND_INS: Readonly<Record<string, string>> = {
  '@theme/Layout': 'export default ({children}) => children;',
  '@theme/Heading': 'import {createElement} from "react"; export default ({as, ...props}) => createElement(as, props);',
  '@docusaurus/Link': 'import {createElement} from "react"; export default ({to, ...props}) => createElement("a", {href: to, ...props});',
  '@docusaurus/useGlobalData': 'export const usePluginData = () => ({});',
  '@docusaurus/router': 'export const useHistory = () => ({location: {search: ""}, listen: () => () => {}, push() {}, replace() {}});',
};

/**
 * The export `name` of `plugins/threat-model/theme/<file>`. A Docusaurus
 * module without a stand-in fails the bundle, naming it.
 */
export async function themeComponent<P>(file: string, name = 'default'): Promise<ComponentType<P>> {
  const result = await build({
    entryPoints: [path.join(plugin, 'theme', file)],
    bundle: true, write: false, platform: 'node', format: 'cjs', jsx: 'automatic', logLevel: 'silent',
    alias: {'docusaurus-plugin-threat-model/client': path.join(plugin, 'client', 'index.ts')},
    external: ['react', 'react/jsx-runtime'],
    plugins: [{
      name: 'stand-ins',
      setup(b) {
        b.onResolve({filter: /^@(theme|docusaurus)\//}, (args) => ({path: args.path, namespace: 'stand-in'}));
        b.onLoad({filter: /.*/, namespace: 'stand-in'}, (args) => {
          const contents = STAND_INS[args.path];
          if (contents === undefined) throw new Error(`No stand-in for ${args.path}`);
          return {contents, loader: 'jsx', resolveDir: __dirname};
        });
      },
    }],
  });
  const module = {exports: {} as Record<string, ComponentType<P>>};
  new Function('module', 'exports', 'require', result.outputFiles[0]!.text)(module, module.exports, require);
  const component = module.exports[name];
  if (!component) throw new Error(`theme/${file} has no export "${name}"`);
  return component;
}
