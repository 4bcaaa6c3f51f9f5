/**
 * Peak memory of a process tree, from /proc: every `interval` ms, find the
 * root and all its descendants (by parent pid) and sum their resident set
 * sizes. Worker threads are inside their process, so they are counted; pages
 * shared between processes are counted once per process (an upper bound).
 */
import fs from 'node:fs';
import {execFileSync} from 'node:child_process';

let pageSize: number | undefined;

function getPageSize(): number {
  if (pageSize === undefined) {
    try {
      pageSize = Number(execFileSync('getconf', ['PAGESIZE'], {encoding: 'utf8'}).trim()) || 4096;
    } catch {
      pageSize = 4096;
    }
  }
  return pageSize;
}

interface ProcStat {
  pid: number;
  ppid: number;
  rssBytes: number;
}

function readStat(pid: number): ProcStat | undefined {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid ...": comm may hold spaces and parentheses.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return {pid, ppid: Number(fields[1]), rssBytes: Number(fields[21]) * getPageSize()};
  } catch {
    return undefined; // the process ended between readdir and read
  }
}

export interface TreeMemory {
  totalBytes: number;
  largestBytes: number;
  processes: number;
}

/** Summed RSS of `root` and all its descendants right now. */
export function treeRss(root: number): TreeMemory {
  const stats: ProcStat[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const stat = readStat(pid);
    if (stat) stats.push(stat);
  }
  const children = new Map<number, ProcStat[]>();
  for (const s of stats) {
    const list = children.get(s.ppid) ?? [];
    list.push(s);
    children.set(s.ppid, list);
  }
  const rootStat = stats.find((s) => s.pid === root);
  if (!rootStat) return {totalBytes: 0, largestBytes: 0, processes: 0};
  let totalBytes = 0;
  let largestBytes = 0;
  let processes = 0;
  const queue = [rootStat];
  while (queue.length > 0) {
    const s = queue.pop()!;
    totalBytes += s.rssBytes;
    largestBytes = Math.max(largestBytes, s.rssBytes);
    processes++;
    queue.push(...(children.get(s.pid) ?? []));
  }
  return {totalBytes, largestBytes, processes};
}

export interface TreeSampler {
  stop(): {peakBytes: number; peakProcessBytes: number; samples: number; maxProcesses: number};
}

export function sampleTree(root: number, interval = 250): TreeSampler {
  let peakBytes = 0;
  let peakProcessBytes = 0;
  let samples = 0;
  let maxProcesses = 0;
  const sample = () => {
    const m = treeRss(root);
    if (m.processes === 0) return;
    samples++;
    peakBytes = Math.max(peakBytes, m.totalBytes);
    peakProcessBytes = Math.max(peakProcessBytes, m.largestBytes);
    maxProcesses = Math.max(maxProcesses, m.processes);
  };
  sample();
  const timer = setInterval(sample, interval);
  return {
    stop() {
      clearInterval(timer);
      return {peakBytes, peakProcessBytes, samples, maxProcesses};
    },
  };
}
