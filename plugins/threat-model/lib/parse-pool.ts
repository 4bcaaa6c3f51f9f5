/**
 * Parse many threat-model files on several cores. Parsing is most of a
 * cold load (micromark takes about 50 ms for a 16 KiB file), and while the
 * plugin loads, Docusaurus's own loading leaves the other cores idle.
 *
 * The main thread parses one share itself and worker threads parse the
 * rest. A worker sends back each file's reading, with its findings as JSON
 * (a `Diagnostic` is an `Error` and would lose its fields in a structured
 * clone), and, when asked, the parsed tree for the page compiler.
 *
 * Small folders are parsed on the main thread: starting a worker and
 * loading the Markdown packages into it costs more than a few files take.
 */
import os from 'node:os';
import path from 'node:path';
import {Worker} from 'node:worker_threads';
import type {Root} from 'mdast';
import type {Config} from './config';
import {Diagnostic, type DiagnosticJson} from './diagnostics';
import {parseThreatModel, type ParseResult} from './parse';
import {withoutBom} from './read/front-matter';
import type {TreeStore} from './tree-store';

export interface ParseJob {
  /** Path relative to the site root, as in findings. */
  file: string;
  text: string;
}

export interface PoolOptions {
  /** Keep each parsed tree here, for the page compiler. */
  trees?: TreeStore;
  /** Threads to use at most, the main thread included; defaults to the cores Node.js may use. */
  threads?: number;
  /** Characters of source each thread should have at least before another one starts. */
  minCharsPerThread?: number;
}

/** What a worker is asked to do. */
export interface WorkerRequest {
  config: Config;
  jobs: ParseJob[];
  keepTrees: boolean;
}

/** What a worker answers, one message for all its files. */
export type WorkerResponse =
  | {ok: true; parsed: Array<{file: string; result: SerializedResult; tree?: Root}>}
  | {ok: false; message: string; stack?: string};

type SerializedResult = Omit<ParseResult, 'diagnostics'> & {diagnostics: DiagnosticJson[]};

/** About the size of three real threat models: a worker's start-up pays for itself above that. */
const MIN_CHARS_PER_THREAD = 256 * 1024;

/** How many threads `jobs` deserve. */
export function threadCount(jobs: ParseJob[], options: PoolOptions = {}): number {
  const chars = jobs.reduce((sum, job) => sum + job.text.length, 0);
  const cores = options.threads ?? os.availableParallelism();
  const wanted = Math.floor(chars / (options.minCharsPerThread ?? MIN_CHARS_PER_THREAD));
  return Math.max(1, Math.min(cores, wanted, jobs.length));
}

/** Parse every job; the results come back keyed by file, in no particular order. */
export async function parseAll(jobs: ParseJob[], config: Config, options: PoolOptions = {}): Promise<Map<string, ParseResult>> {
  const results = new Map<string, ParseResult>();
  const shares = split(jobs, threadCount(jobs, options));
  const [own = [], ...others] = shares;
  const workers = others.map((share) => runWorker({config, jobs: share, keepTrees: Boolean(options.trees)}));
  // Workers start in the background; this thread parses its share meanwhile.
  for (const job of own) results.set(job.file, parseThreatModel(job.text, job.file, config, options.trees));
  const textOf = new Map(jobs.map((job) => [job.file, job.text]));
  for (const response of await Promise.all(workers)) {
    for (const {file, result, tree} of response) {
      const revived: ParseResult = {...result, diagnostics: result.diagnostics.map((d) => Diagnostic.fromJSON(d))};
      results.set(file, revived);
      if (tree) options.trees?.keep(withoutBom(textOf.get(file)!), tree, revived);
    }
  }
  return results;
}

/** Contiguous shares of about equal length, so each thread gets as much text. */
function split(jobs: ParseJob[], count: number): ParseJob[][] {
  if (count <= 1) return [jobs];
  const total = jobs.reduce((sum, job) => sum + job.text.length, 0);
  const shares: ParseJob[][] = [[]];
  let chars = 0;
  for (const job of jobs) {
    if (chars >= (total / count) * shares.length && shares.length < count) shares.push([]);
    shares.at(-1)!.push(job);
    chars += job.text.length;
  }
  return shares;
}

function runWorker(request: WorkerRequest): Promise<Array<{file: string; result: SerializedResult; tree?: Root}>> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(request);
    let settled = false;
    worker.once('message', (response: WorkerResponse) => {
      settled = true;
      void worker.terminate();
      if (response.ok) resolve(response.parsed);
      else reject(Object.assign(new Error(`A parse worker failed: ${response.message}`), {stack: response.stack}));
    });
    worker.once('error', (error) => {
      settled = true;
      reject(new Error('A parse worker failed', {cause: error}));
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`A parse worker exited with code ${code} before it answered`));
    });
  });
}

/**
 * The installed package runs compiled JavaScript. A site that uses the
 * TypeScript sources (this repository) loads them the way Docusaurus loads
 * its config: through jiti, which Docusaurus depends on.
 */
function startWorker(request: WorkerRequest): Worker {
  const compiled = path.extname(__filename) === '.js';
  const entry = path.join(__dirname, `parse-worker${compiled ? '.js' : '.ts'}`);
  if (compiled) return new Worker(entry, {workerData: request});
  const jiti = require.resolve('jiti');
  const code = `require(${JSON.stringify(jiti)})(${JSON.stringify(entry)}, {interopDefault: true})(${JSON.stringify(entry)});`;
  return new Worker(code, {eval: true, workerData: request});
}
