/**
 * A copy of the site under `docusaurus start`, for the dev-loop test and
 * its bench: edits go to the copy, never to the repository's content.
 */
import {spawn, type ChildProcess} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const repo = path.resolve(__dirname, '..', '..');
const COPIED = ['docs', 'threat-models', 'src', 'static', 'plugins', 'docusaurus.config.ts', 'threat-model.config.ts', 'sidebars.ts', 'sidebars-threat-models.ts', 'tsconfig.json', 'package.json'];

/** Copies the site into `dir` (its node_modules linked to the repository's). */
export function copySite(dir: string): string {
  fs.rmSync(dir, {recursive: true, force: true});
  fs.mkdirSync(dir, {recursive: true});
  for (const name of COPIED) fs.cpSync(path.join(repo, name), path.join(dir, name), {recursive: true});
  fs.symlinkSync(path.join(repo, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

export interface DevServer {
  url: string;
  /** Everything the server printed so far, standard output and error. */
  output(): string;
  stop(): Promise<void>;
}

/** Starts `docusaurus start` in `dir` and resolves once the first compilation is done. */
export async function startDevServer(dir: string, port: number, timeoutMs = 240_000): Promise<DevServer> {
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(repo, 'node_modules/@docusaurus/core/bin/docusaurus.mjs'), 'start', '--port', String(port), '--host', '127.0.0.1', '--no-open'],
    {cwd: dir, env: {...process.env, BROWSER: 'none', FORCE_COLOR: '0', NO_COLOR: '1'}, stdio: ['ignore', 'pipe', 'pipe'], detached: true},
  );
  let text = '';
  child.stdout!.on('data', (chunk) => (text += String(chunk)));
  child.stderr!.on('data', (chunk) => (text += String(chunk)));
  const url = `http://127.0.0.1:${port}`;
  const server: DevServer = {
    url,
    output: () => text,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid!, 'SIGTERM');
      await exited;
    },
  };
  const started = Date.now();
  while (!/compiled successfully|Compiled with/i.test(text)) {
    if (child.exitCode !== null) throw new Error(`docusaurus start exited with ${child.exitCode}:\n${text}`);
    if (Date.now() - started > timeoutMs) {
      await server.stop();
      throw new Error(`docusaurus start did not compile within ${timeoutMs / 1000} s:\n${text}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return server;
}

/**
 * Replaces `from` with `to` in a file of the copy; throws when `from` is not there.
 *
 * The new text is written beside the copy and renamed over the file, so the
 * watchers see one whole change. A plain write truncates first, and a busy
 * machine's watcher could then fire on the empty file and again on the full
 * one: two compilations, each reporting (and the first reporting an empty file).
 */
export function edit(file: string, from: string | RegExp, to: string): void {
  const text = fs.readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`${file} does not contain ${from}`);
  // Beside the copy, outside every watched folder, on the same file system so the rename is atomic.
  const scratch = path.join(path.dirname(siteRoot(file)), `.edit-${process.pid}-${path.basename(file)}`);
  fs.writeFileSync(scratch, next);
  fs.renameSync(scratch, file);
}

/** The copy that holds `file`: the nearest folder above it with a `docusaurus.config.ts`. */
function siteRoot(file: string): string {
  for (let dir = path.dirname(path.resolve(file)); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'docusaurus.config.ts'))) return dir;
  }
  throw new Error(`${file} is in no copy of the site`);
}

/**
 * Resolves once the server has printed nothing for `quietMs`, so a test
 * can count what one edit printed without catching the end of an earlier one.
 */
export async function settled(server: DevServer, quietMs = 3_000, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  let length = server.output().length;
  let since = Date.now();
  while (Date.now() - since < quietMs) {
    if (Date.now() - started > timeoutMs) throw new Error(`the dev server kept printing for ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const now = server.output().length;
    if (now !== length) [length, since] = [now, Date.now()];
  }
}
