/**
 * The plugin's package.json declares every package its code imports: a
 * missing one works in this repository (the site's node_modules has it)
 * and breaks every site that installs the plugin.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {builtinModules} from 'node:module';
import path from 'node:path';
import test from 'node:test';

const plugin = path.join(__dirname, '..', '..', 'plugins', 'threat-model');
const manifest = JSON.parse(fs.readFileSync(path.join(plugin, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
};
/** Provided by Docusaurus's bundler to theme code, or type-only. */
const PROVIDED = /^(@theme|@theme-original|@generated|@docusaurus\/(Link|router|useGlobalData|useBrokenLinks|types|module-type-aliases))(\/|$)|^(mdast|hast|unist)$/;

function sources(dir: string): string[] {
  return fs.readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'dist' || entry.name === 'node_modules' ? [] : sources(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

test('the plugin package declares what it imports', () => {
  const declared = new Set([...Object.keys(manifest.dependencies), ...Object.keys(manifest.peerDependencies), 'react', 'docusaurus-plugin-threat-model']);
  const missing = new Set<string>();
  for (const file of sources(plugin)) {
    for (const [, specifier] of fs.readFileSync(file, 'utf8').matchAll(/^(?:import|export)\s[^'"]*?from\s+'([^'.][^']*)'/gm)) {
      if (specifier!.startsWith('node:') || builtinModules.includes(specifier!) || PROVIDED.test(specifier!)) continue;
      const name = specifier!.startsWith('@') ? specifier!.split('/').slice(0, 2).join('/') : specifier!.split('/')[0]!;
      if (!declared.has(name)) missing.add(`${name} (${path.relative(plugin, file)})`);
    }
  }
  assert.deepEqual([...missing], []);
});
