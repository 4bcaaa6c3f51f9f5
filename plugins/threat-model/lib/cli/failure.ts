/**
 * How a command prints the error that stopped it: a mistake the user can
 * fix (the given error classes carry a hint) as the message and its hint;
 * anything else as the message and, when it wraps one, its cause. Never a
 * stack trace.
 */
import type {Io} from './check';

type HintedError = abstract new (...args: never[]) => Error & {hint: string};

export function printFailure(io: Pick<Io, 'stderr'>, error: unknown, hinted: readonly HintedError[]): void {
  if (hinted.some((kind) => error instanceof kind)) {
    const {message, hint} = error as Error & {hint: string};
    io.stderr(`error: ${message}\n  hint: ${hint}\n`);
    return;
  }
  const cause = (error as Error).cause;
  io.stderr(`error: ${(error as Error).message}${cause ? `\n  cause: ${(cause as Error).message ?? String(cause)}` : ''}\n`);
}
