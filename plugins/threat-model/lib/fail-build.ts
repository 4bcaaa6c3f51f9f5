/**
 * How a threat-model error ends a production build: the report alone on
 * standard error and exit code 1. Docusaurus would wrap a thrown error in
 * "Unable to build website for locale en." and print both stack traces,
 * which say nothing about the contributed file. Under `docusaurus start`
 * (and in tests) the error is thrown, so the dev server shows it and lives on.
 */
export function failBuild(error: Error): never {
  if (process.env.NODE_ENV === 'production' && !process.env.NODE_TEST_CONTEXT) {
    process.stderr.write(`\n[ERROR] ${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
