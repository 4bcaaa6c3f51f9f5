/**
 * The browser-safe entry (`docusaurus-plugin-threat-model/client`) and the
 * theme components bundle for the browser without a Node.js module: a
 * `node:` import there would break every page, or pull a polyfill into it.
 */
import assert from 'node:assert/strict';
import {builtinModules} from 'node:module';
import path from 'node:path';
import test from 'node:test';
import {build, type Metafile} from 'esbuild';

const plugin = path.resolve(__dirname, '..', '..', 'plugins', 'threat-model');
const NODE_MODULES = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const ENTRIES = ['client/index.ts', 'theme/ThreatModelReference/index.tsx', 'theme/ThreatModelRelated/index.tsx', 'theme/ThreatModelReferencedBy/index.tsx', 'theme/ThreatModelThreatLink/index.tsx', 'theme/ThreatModelTriage/index.tsx', 'theme/ThreatModelCve/index.tsx', 'theme/ThreatModelDiagram/index.tsx', 'theme/ThreatModelAnchors/index.tsx'];

/** Bundles `entry` for the browser and returns every module it imports, with the file that imports it. */
async function imports(entry: string): Promise<Array<{from: string; path: string}>> {
  const result = await build({
    entryPoints: [path.join(plugin, entry)],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'browser',
    format: 'esm',
    jsx: 'automatic',
    logLevel: 'silent',
    // What Docusaurus's bundler provides, and the package's own name (resolved to its sources, as the plugin's alias does).
    alias: {'docusaurus-plugin-threat-model/client': path.join(plugin, 'client', 'index.ts')},
    external: ['react', 'react/jsx-runtime', '@docusaurus/*', '@theme/*', ...NODE_MODULES],
  });
  const meta = result.metafile as Metafile;
  return Object.entries(meta.inputs).flatMap(([from, input]) => input.imports.map((i) => ({from, path: i.path})));
}

test('browser entry points', async (t) => {
  for (const entry of ENTRIES) {
    await t.test(`${entry} should import no Node.js module`, async () => {
      const found = (await imports(entry)).filter((i) => NODE_MODULES.has(i.path));
      assert.deepEqual(found, []);
    });
  }

  await t.test('should notice a Node.js import (the check can fail)', async () => {
    const found = (await imports('lib/plugin.ts')).filter((i) => NODE_MODULES.has(i.path));
    assert.ok(found.some((i) => i.path === 'node:fs'), JSON.stringify(found));
  });
});
