/** An analysis worker thread: loads the models once (on its first job) and analyses what it is sent. */
import { parentPort } from 'node:worker_threads';
import type { AnalysisJob, AnalysisReply } from './protocol.js';
import { runJob } from './run-job.js';

if (!parentPort) throw new Error('worker.ts runs as a worker thread');
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
