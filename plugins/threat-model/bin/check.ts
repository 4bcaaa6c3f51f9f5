#!/usr/bin/env node
import {runCheck} from '../lib/cli/check';

const io = {cwd: process.cwd(), stdout: (t: string) => process.stdout.write(t), stderr: (t: string) => process.stderr.write(t)};
runCheck(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
