/**
 * An analysis worker thread: takes the parser its pool shares, loads the other models once (on its first
 * job) and analyses what it is sent.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { useSharedParser } from '../syntax/model.js';
import type { AnalysisJob, AnalysisReply, SharedModels } from './protocol.js';
import { runJob } from './run-job.js';

if (!parentPort) throw new Error('worker.ts runs as a worker thread');
useSharedParser((workerData as SharedModels | undefined)?.parser ?? null);
const port = parentPort;
port.on('message', (job: AnalysisJob) => {
  let reply: AnalysisReply;
  try {
    const { doc, explain } = runJob(job);
    reply = { id: job.id, ok: true, doc, explain };
  } catch (error) {
    reply = { id: job.id, ok: false, message: (error as Error).message, stack: (error as Error).stack ?? null };
  }
  port.postMessage(reply);
});
