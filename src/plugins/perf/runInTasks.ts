/**
 * Run steps one after another, each in its own task of the browser's event
 * loop, so that no single task holds the main thread for all of them.
 *
 * Lighthouse's Total Blocking Time counts, for every task between the first
 * paint and interactivity, the part above 50 ms: one 240 ms task costs
 * 190 ms, four 60 ms tasks cost 40 ms for the same work. Between two steps the
 * browser may paint, handle input or run other queued tasks.
 */

/** A step: anything, sync or async; the next step starts when it settles. */
export type Step = () => unknown;

/**
 * A new task: a zero-delay timer. (A timer rather than a message channel: a
 * timer's task is known to follow from the task that set it, which is how
 * Lighthouse's simulation keeps the steps in order.)
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    setTimeout(resolve, 0);
  });
}

/** Runs `steps` in order, `yieldTask()` between two of them; rejects with the first step's error. */
export async function runInTasks(steps: readonly Step[], yieldTask: () => Promise<void> = nextTask): Promise<void> {
  for (const [i, step] of steps.entries()) {
    if (i > 0) await yieldTask();
    await step();
  }
}
