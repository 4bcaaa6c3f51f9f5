/**
 * How a threat-model error ends a production build: the report alone on
 * standard error and exit code 1. Docusaurus would wrap a thrown error in
 * "Unable to build website for locale en." and print both stack traces,
 * which say nothing about the contributed file. Under `docusaurus start`
 * (and in tests) the error is thrown, so the dev server shows it in the
 * browser overlay and lives on.
 */
export function failBuild(error: Error): never {
  if (process.env.NODE_ENV === 'production' && !process.env.NODE_TEST_CONTEXT) {
    process.stderr.write(`\n[ERROR] ${error.message}\n`);
    process.exit(1);
  }
  if (process.env.NODE_ENV === 'development') withoutStackTraces();
  throw error;
}

let original: number | undefined;

/**
 * Under `docusaurus start`, the MDX loader wraps a page's error in one of its
 * own, and the bundler prints that wrapper's stack trace, which names only
 * the loader's functions, under every finding. The wrapper is created while
 * this error propagates, within the current macrotask: capture no traces
 * until the next one.
 */
function withoutStackTraces(): void {
  if (original !== undefined) return;
  original = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  setTimeout(() => {
    Error.stackTraceLimit = original!;
    original = undefined;
  }, 0);
}
