/**
 * The document contract (`../shared/SPEC.md`, schema `lagebild.document/1`) as TypeScript types, and the
 * in-memory `Doc` that flows through the pipeline stages.
 *
 * Offsets are UTF-16 code-unit offsets into `text`, `end` exclusive, everywhere.
 */

export const SCHEMA_ID = 'lagebild.document/1';

export interface Span {
  start: number;
  end: number;
}

export interface TextSpan extends Span {
  text: string;
}

/** One token of the optional `tokens` layer; later stages add tags, lemma, head and relation. */
export interface TokenOut extends TextSpan {
  upos?: string;
  xpos?: string;
  feats?: string;
  lemma?: string;
  head?: number | null;
  deprel?: string;
}

export type EntityType = 'PER' | 'ORG' | 'LOC' | 'MISC';

export interface Actor {
  code: string;
  country: string | null;
  sector: string | null;
}

export interface Place {
  name: string;
  country: string | null;
  lat: number | null;
  lon: number | null;
  id: string | null;
}

export interface Entity {
  id: string;
  type: EntityType;
  name: string;
  mentions: TextSpan[];
  actor: Actor | null;
  place: Place | null;
}

export interface Quote extends TextSpan {
  id: string;
  kind: 'direct' | 'indirect';
  speaker: ({ entity: string | null } & TextSpan) | null;
  cue: ({ lemma: string } & TextSpan) | null;
}

export type Bound = 'exact' | 'atLeast' | 'moreThan' | 'atMost' | 'lessThan' | 'approx';

export type QuantityCategory =
  | 'ARREST'
  | 'KILL'
  | 'WOUND'
  | 'PROTEST'
  | 'RELEASE'
  | 'DEPLOY'
  | 'VOTE'
  | 'MONEY'
  | 'EVACUATE'
  | 'DISPLACE'
  | 'DAMAGE'
  | 'OTHER';

export interface Quantity extends TextSpan {
  id: string;
  value: number | null;
  bound: Bound;
  magnitude: number | null;
  unit: string | null;
  counted: string | null;
  category: QuantityCategory;
  event: string | null;
}

export interface TimeExpression extends TextSpan {
  id: string;
  type: 'DATE' | 'TIME' | 'DURATION' | 'SET';
  value: string | null;
}

export type Modality = 'asserted' | 'negated' | 'planned' | 'hypothetical' | 'alleged';

export interface EventArgument {
  entity: string | null;
  text: string;
  actor: string | null;
}

export interface Event {
  id: string;
  type: string;
  mode: string | null;
  cameo: string | null;
  trigger: { lemma: string } & TextSpan;
  source: EventArgument | null;
  target: EventArgument | null;
  place: { entity: string | null; text: string } | null;
  time: { time: string | null; value: string | null } | null;
  modality: Modality;
  attribution: { quote: string | null; entity: string | null } | null;
  sentence: number;
  /**
   * Addition to the contract: every mention of this event in the article (the headline's and the body's),
   * the trigger's first. One event reported twice is one event.
   */
  mentions: Array<TextSpan & { sentence: number }>;
}

/** The JSON object `lagebild analyze` writes for one document. */
export interface DocumentOut {
  schema: typeof SCHEMA_ID;
  id: string;
  lang: string;
  title: string | null;
  published: string | null;
  source: { name: string | null; url: string | null };
  text: string;
  sentences: Span[];
  tokens?: TokenOut[];
  entities: Entity[];
  quotes: Quote[];
  quantities: Quantity[];
  times: TimeExpression[];
  events: Event[];
  /** Addition to the contract: things a reader of this output must know (unresolved dates, language). */
  warnings: string[];
}

/** What a reader hands to the pipeline: the text as the contract defines it, plus metadata. */
export interface RawDocument {
  /** The command-line argument it came from: a path or `-`. */
  input: string;
  /** Where it came from, for messages: a file path, `-`, or `file.jsonl:12`. */
  origin: string;
  /** Suggested base name for an output file (`article` for `article.txt`, a record's id for JSONL). */
  outputName: string;
  /** An id given by the input (JSONL `id`); otherwise the id is derived from the text. */
  givenId: string | null;
  title: string | null;
  /** Already normalised: no BOM, `\n` line endings. */
  text: string;
  published: string | null;
  source: { name: string | null; url: string | null };
}

/**
 * Tokens and sentences in columnar typed arrays: stages read and extend these without allocating an
 * object per token. `sentenceStart[i]..sentenceEnd[i]` are token indices (end exclusive).
 */
export interface TokenTable {
  count: number;
  start: Uint32Array;
  end: Uint32Array;
  /** 1 where whitespace follows the token (CoNLL-U's SpaceAfter), else 0. */
  spaceAfter: Uint8Array;
}

export interface SentenceTable {
  count: number;
  /** Index of the first token of each sentence. */
  firstToken: Uint32Array;
  /** Index one past the last token of each sentence. */
  endToken: Uint32Array;
}

/** Tags, features and lemmas per token (index = token index), filled by the morph stage. */
export interface MorphTable {
  upos: string[];
  xpos: string[];
  /** UD feature string, "_" for none. */
  feats: string[];
  lemma: string[];
  /**
   * The syntactic words of a contraction token ("zum" → zu + dem, as UD writes them), else undefined:
   * for CoNLL-U and for the parser, which work on words.
   */
  words: Array<MorphWord[] | undefined>;
}

export interface MorphWord {
  form: string;
  upos: string;
  xpos: string;
  feats: string;
  lemma: string;
}

/** Dependency parse per token, filled by the syntax stage. */
export interface SyntaxTable {
  /** Index of the head token in the document, -1 for a sentence root. */
  head: Int32Array;
  /** UD relation with subtype. */
  deprel: string[];
}

/** The document while it moves through the stages. */
export interface Doc {
  raw: RawDocument;
  id: string;
  text: string;
  /** The input's own date, else the command line's; anchors relative dates. */
  published: string | null;
  lang: string;
  /** What a reader of the output must know: no publication date, language not German, … */
  warnings: string[];
  tokens: TokenTable;
  sentences: SentenceTable;
  morph: MorphTable | null;
  syntax: SyntaxTable | null;
  entities: Entity[];
  quotes: Quote[];
  quantities: Quantity[];
  times: TimeExpression[];
  events: Event[];
}
