#!/usr/bin/env node
import {runExport} from '../lib/cli/export';

// A reader that stops early (`| head`) closes the pipe: that is not an error of the export.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const io = {cwd: process.cwd(), stdout: (t: string) => process.stdout.write(t), stderr: (t: string) => process.stderr.write(t)};
runExport(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
