#!/usr/bin/env node
import {runNew} from '../lib/cli/new';

const io = {cwd: process.cwd(), stdout: (t: string) => process.stdout.write(t), stderr: (t: string) => process.stderr.write(t)};
runNew(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
