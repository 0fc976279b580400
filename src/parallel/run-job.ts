/** One analysis job, the same in a worker thread and in the main thread. */
import { explainEvents } from '../events/explain.js';
import { toDocumentOut } from '../output/document-json.js';
import { STAGES, analyzeDocument } from '../pipeline.js';
import type { Analysis, AnalysisJob } from './protocol.js';

export function runJob(job: Omit<AnalysisJob, 'id'>): Analysis {
  const stages = job.stages ? STAGES.filter((s) => job.stages!.includes(s.name)) : STAGES;
  const doc = analyzeDocument(job.raw, { published: job.published }, stages);
  return {
    doc: toDocumentOut(doc, { withTokens: job.withTokens }),
    explain: job.explain ? explainEvents(doc) : null,
  };
}
