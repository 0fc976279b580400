/**
 * The contract as code: JSON Schema validation (ajv) plus what a schema cannot say — every span lies in
 * `text` and `text.slice(start, end)` equals its `text`, layers are in document order, ids resolve.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { DocumentOut } from '../document.js';
import { PACKAGE_ROOT } from '../util/lexicon.js';
import { join } from 'node:path';

export const SCHEMA_PATH = join(PACKAGE_ROOT, 'schema', 'lagebild.document.schema.json');

let compiled:
  (((data: unknown) => boolean) & { errors?: Array<{ instancePath: string; message?: string }> | null }) | null = null;

function schemaValidator(): NonNullable<typeof compiled> {
  if (!compiled) {
    const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
    (addFormats as unknown as (a: Ajv2020) => void)(ajv);
    compiled = ajv.compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')));
  }
  return compiled;
}

/** All problems with one output document; empty when it honours the contract. */
export function validateDocument(data: unknown): string[] {
  const validate = schemaValidator();
  if (!validate(data)) {
    return (validate.errors ?? []).map((e) => `schema: ${e.instancePath || '/'} ${e.message ?? ''}`.trim());
  }
  return checkSpans(data as DocumentOut);
}

function checkSpans(doc: DocumentOut): string[] {
  const problems: string[] = [];
  const { text } = doc;
  const span = (where: string, s: { start: number; end: number; text?: string }): void => {
    if (s.start > s.end || s.end > text.length)
      problems.push(`${where}: span ${s.start}-${s.end} outside text (length ${text.length})`);
    else if (s.text !== undefined && text.slice(s.start, s.end) !== s.text) {
      problems.push(
        `${where}: text ${JSON.stringify(s.text)} ≠ text.slice(${s.start}, ${s.end}) ${JSON.stringify(text.slice(s.start, s.end))}`,
      );
    }
  };
  const ordered = (where: string, spans: Array<{ start: number; end: number }>): void => {
    for (let i = 1; i < spans.length; i++) {
      if ((spans[i] as { start: number }).start < (spans[i - 1] as { end: number }).end) {
        problems.push(`${where}[${i}] overlaps or precedes ${where}[${i - 1}]`);
        return;
      }
    }
  };
  doc.sentences.forEach((s, i) => span(`sentences[${i}]`, s));
  ordered('sentences', doc.sentences);
  if (doc.tokens) {
    doc.tokens.forEach((t, i) => {
      span(`tokens[${i}]`, t);
      if (typeof t.head === 'number' && t.head >= doc.tokens!.length)
        problems.push(`tokens[${i}].head ${t.head} out of range`);
    });
    ordered('tokens', doc.tokens);
  }
  const entityIds = new Set(doc.entities.map((e) => e.id));
  const quoteIds = new Set(doc.quotes.map((q) => q.id));
  const timeIds = new Set(doc.times.map((t) => t.id));
  const eventIds = new Set(doc.events.map((e) => e.id));
  const ref = (where: string, id: string | null | undefined, ids: Set<string>): void => {
    if (id !== null && id !== undefined && !ids.has(id)) problems.push(`${where}: unknown id ${id}`);
  };
  doc.entities.forEach((e, i) => e.mentions.forEach((m, k) => span(`entities[${i}].mentions[${k}]`, m)));
  doc.quotes.forEach((q, i) => {
    span(`quotes[${i}]`, q);
    if (q.speaker) {
      span(`quotes[${i}].speaker`, q.speaker);
      ref(`quotes[${i}].speaker.entity`, q.speaker.entity, entityIds);
    }
    if (q.cue) span(`quotes[${i}].cue`, q.cue);
  });
  doc.quantities.forEach((n, i) => {
    span(`quantities[${i}]`, n);
    ref(`quantities[${i}].event`, n.event, eventIds);
  });
  doc.times.forEach((t, i) => span(`times[${i}]`, t));
  doc.events.forEach((e, i) => {
    span(`events[${i}].trigger`, e.trigger);
    ref(`events[${i}].source.entity`, e.source?.entity, entityIds);
    ref(`events[${i}].target.entity`, e.target?.entity, entityIds);
    ref(`events[${i}].place.entity`, e.place?.entity, entityIds);
    ref(`events[${i}].time.time`, e.time?.time, timeIds);
    ref(`events[${i}].attribution.quote`, e.attribution?.quote, quoteIds);
    ref(`events[${i}].attribution.entity`, e.attribution?.entity, entityIds);
    if (e.sentence >= doc.sentences.length) problems.push(`events[${i}].sentence ${e.sentence} out of range`);
  });
  return problems;
}
