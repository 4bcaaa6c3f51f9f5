#!/usr/bin/env node
import {runDiff} from '../lib/cli/diff';

const io = {cwd: process.cwd(), stdout: (t: string) => process.stdout.write(t), stderr: (t: string) => process.stderr.write(t)};
runDiff(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
