/**
 * A parse worker (`parse-pool.ts`): parses its share of the files and
 * answers once, with each file's reading and, when asked, its tree.
 */
import {parentPort, workerData} from 'node:worker_threads';
import {parseAndRead} from './parse';
import type {WorkerRequest, WorkerResponse} from './parse-pool';

function answer(request: WorkerRequest): WorkerResponse {
  try {
    const parsed = request.jobs.map(({file, text: source}) => {
      const {tree, result} = parseAndRead(source, file, request.config);
      return {file, result: {...result, diagnostics: result.diagnostics.map((d) => d.toJSON())}, ...(request.keepTrees ? {tree} : {})};
    });
    return {ok: true, parsed};
  } catch (error) {
    return {ok: false, message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined};
  }
}

parentPort?.postMessage(answer(workerData as WorkerRequest));
