/** Small helpers shared by the bench scripts: paths, stats, logging, GC. */
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import {runInNewContext} from 'node:vm';

/** Repository root (`/work/main`). */
export const REPO = path.resolve(__dirname, '..');
/** Scratch space: gitignored, inside the repo so `node_modules` resolves. */
export const WORK = path.join(REPO, 'bench', '.work');
export const RESULTS = path.join(REPO, 'bench', 'results');

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;
}

export function fmtBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return String(bytes);
  const abs = Math.abs(bytes);
  if (abs >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
  if (abs >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  if (abs >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}

const started = performance.now();

/** `[mm:ss] message`, elapsed since the process started. */
export function log(message: string): void {
  const s = Math.floor((performance.now() - started) / 1000);
  const stamp = `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
  process.stdout.write(`[${stamp}] ${message}\n`);
}

let gcFn: (() => void) | undefined;

/** Full GC between timed runs, so each run starts from a similar heap. */
export function collectGarbage(): void {
  if (!gcFn) {
    const exposed = (globalThis as {gc?: () => void}).gc;
    if (exposed) {
      gcFn = exposed;
    } else {
      v8.setFlagsFromString('--expose-gc');
      gcFn = runInNewContext('gc') as () => void;
    }
  }
  gcFn();
}

export interface Machine {
  cores: number;
  cpu: string;
  memoryGiB: number;
  node: string;
  platform: string;
  loadAverage: number[];
}

export function machine(): Machine {
  return {
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: round(os.totalmem() / 1024 ** 3, 1),
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverage: os.loadavg().map((l) => round(l, 2)),
  };
}

export function loadAverage(): number[] {
  return os.loadavg().map((l) => round(l, 2));
}
