/**
 * Averaged multi-class perceptron over hashed sparse features.
 *
 * Features are 32-bit hashes (see `features.ts`); the trainer keeps one (feature, label) slot per pair it
 * ever updated, with lazy averaging (Collins 2002). `compile()` turns the averaged weights into the
 * runtime form: an open-addressing table from feature hash to a run of (label, weight) pairs in typed
 * arrays, which scores a token without allocating.
 */

const EMPTY = 0xffffffff;
/** A packed entry keeps its label in 8 bits. */
export const MAX_PACKED_LABELS = 255;
/** Entries a packed table row holds itself; the target load of its table. */
const INLINE_ENTRIES = 2;
const PACKED_LOAD = 0.5;

/** Index of the highest score (the first one on ties). */
export function argmax(scores: Float64Array): number {
  let best = 0;
  for (let l = 1; l < scores.length; l++) if ((scores[l] as number) > (scores[best] as number)) best = l;
  return best;
}

/** The runtime model: immutable, typed arrays only. */
export class CompiledPerceptron {
  constructor(
    readonly labels: readonly string[],
    /** Open-addressing table of feature hashes (EMPTY where free); size a power of two. */
    readonly keys: Uint32Array,
    /** For slot s, its pairs are entries[runStart[s] .. runStart[s] + runLength[s]). */
    readonly runStart: Uint32Array,
    readonly runLength: Uint16Array,
    readonly entryLabel: Uint16Array,
    readonly entryWeight: Float32Array,
  ) {}

  /** Add every feature's weights into `scores` (length = labels.length), which the caller zeroes. */
  score(features: ArrayLike<number>, count: number, scores: Float64Array): void {
    const mask = this.keys.length - 1;
    for (let f = 0; f < count; f++) {
      const h = (features[f] as number) >>> 0;
      let s = h & mask;
      for (;;) {
        const k = this.keys[s] as number;
        if (k === EMPTY) break;
        if (k === h) {
          const start = this.runStart[s] as number;
          const end = start + (this.runLength[s] as number);
          for (let e = start; e < end; e++) scores[this.entryLabel[e] as number]! += this.entryWeight[e] as number;
          break;
        }
        s = (s + 1) & mask;
      }
    }
  }

  /** Index of the highest score (the first one on ties). */
  best(scores: Float64Array): number {
    return argmax(scores);
  }

  /** Build the table from feature → (label, weight) runs; layout is deterministic (sorted keys and labels). */
  static fromRuns(
    labels: readonly string[],
    byFeature: ReadonlyMap<number, Array<[number, number]>>,
  ): CompiledPerceptron {
    let size = 1;
    while (size < byFeature.size * 2) size <<= 1;
    const keys = new Uint32Array(size).fill(EMPTY);
    const runStart = new Uint32Array(size);
    const runLength = new Uint16Array(size);
    let entries = 0;
    for (const run of byFeature.values()) entries += run.length;
    const entryLabel = new Uint16Array(entries);
    const entryWeight = new Float32Array(entries);
    let e = 0;
    const features = [...byFeature.keys()].sort((a, b) => a - b); // deterministic layout
    for (const f of features) {
      const run = byFeature.get(f)!.sort((a, b) => a[0] - b[0]);
      let s = f & (size - 1);
      while (keys[s] !== EMPTY) s = (s + 1) & (size - 1);
      keys[s] = f;
      runStart[s] = e;
      runLength[s] = run.length;
      for (const [label, weight] of run) {
        entryLabel[e] = label;
        entryWeight[e] = weight;
        e++;
      }
    }
    return new CompiledPerceptron([...labels], keys, runStart, runLength, entryLabel, entryWeight);
  }

  /**
   * The mean of models trained on the same labels (e.g. with different shuffles): each weight averaged
   * over all models, a missing weight counting as 0; means below `prune` in size are dropped.
   */
  static mean(models: readonly CompiledPerceptron[], prune = 0): CompiledPerceptron {
    const first = models[0];
    if (!first) throw new Error('no models to average');
    const sums = new Map<number, Map<number, number>>();
    for (const m of models) {
      if (m.labels.join('\n') !== first.labels.join('\n')) throw new Error('models with different labels');
      for (let s = 0; s < m.keys.length; s++) {
        const key = m.keys[s] as number;
        if (key === EMPTY) continue;
        let run = sums.get(key);
        if (!run) sums.set(key, (run = new Map()));
        const start = m.runStart[s] as number;
        for (let e = start; e < start + (m.runLength[s] as number); e++) {
          const label = m.entryLabel[e] as number;
          run.set(label, (run.get(label) ?? 0) + (m.entryWeight[e] as number));
        }
      }
    }
    const byFeature = new Map<number, Array<[number, number]>>();
    for (const [key, run] of sums) {
      const kept = [...run]
        .map(([label, sum]): [number, number] => [label, sum / models.length])
        .filter(([, w]) => Math.abs(w) >= prune);
      if (kept.length) byFeature.set(key, kept);
    }
    return CompiledPerceptron.fromRuns(first.labels, byFeature);
  }

  /**
   * Serialise to one binary buffer: a JSON header (labels, sizes), then the features in ascending order
   * with their runs. The open-addressing table is not stored (half its slots are empty): `fromBuffer`
   * rebuilds it exactly as `fromRuns` lays it out.
   */
  toBuffer(): Buffer {
    const occupied: number[] = [];
    for (let s = 0; s < this.keys.length; s++) if (this.keys[s] !== EMPTY) occupied.push(s);
    occupied.sort((x, y) => (this.keys[x] as number) - (this.keys[y] as number));
    const features = occupied.length;
    const keys = new Uint32Array(features);
    const runLength = new Uint16Array(features);
    const entryLabel = new Uint16Array(this.entryLabel.length);
    const entryWeight = new Float32Array(this.entryWeight.length);
    let e = 0;
    occupied.forEach((s, i) => {
      keys[i] = this.keys[s] as number;
      const start = this.runStart[s] as number;
      const length = this.runLength[s] as number;
      runLength[i] = length;
      entryLabel.set(this.entryLabel.subarray(start, start + length), e);
      entryWeight.set(this.entryWeight.subarray(start, start + length), e);
      e += length;
    });
    const header = Buffer.from(JSON.stringify({ labels: this.labels, layout: 'sorted', features, entries: e }), 'utf8');
    const len = Buffer.alloc(4);
    len.writeUInt32LE(header.length);
    const pad = Buffer.alloc((4 - ((4 + header.length) % 4)) % 4);
    const bytes = (a: Uint32Array | Uint16Array | Float32Array, n: number): Buffer =>
      Buffer.from(a.buffer, a.byteOffset, n * a.BYTES_PER_ELEMENT);
    return Buffer.concat([
      len,
      header,
      pad,
      bytes(keys, features),
      bytes(entryWeight, e),
      bytes(runLength, features),
      bytes(entryLabel, e),
    ]);
  }

  static fromBuffer(buffer: Buffer): CompiledPerceptron {
    const file = readPerceptronFile(buffer);
    if (file.layout === 'table') return file.model;
    const { keys: sorted, lengths, entryLabel, entryWeight } = file;
    const features = sorted.length;
    let size = 1;
    while (size < features * 2) size <<= 1;
    const keys = new Uint32Array(size).fill(EMPTY);
    const runStart = new Uint32Array(size);
    const runLength = new Uint16Array(size);
    let e = 0;
    for (let i = 0; i < features; i++) {
      const f = sorted[i] as number;
      let s = f & (size - 1);
      while (keys[s] !== EMPTY) s = (s + 1) & (size - 1);
      keys[s] = f;
      runStart[s] = e;
      runLength[s] = lengths[i] as number;
      e += lengths[i] as number;
    }
    return new CompiledPerceptron(file.labels, keys, runStart, runLength, entryLabel, entryWeight);
  }
}

/** A perceptron file as `toBuffer` writes it (features in key order), or an old one with its table. */
type PerceptronFile =
  | {
      layout: 'sorted';
      labels: string[];
      /** Features in ascending order, the length of each one's run, and the runs one after another. */
      keys: Uint32Array;
      lengths: Uint16Array;
      entryLabel: Uint16Array;
      entryWeight: Float32Array;
    }
  | { layout: 'table'; model: CompiledPerceptron };

function readPerceptronFile(buffer: Buffer): PerceptronFile {
  const headerLength = buffer.readUInt32LE(0);
  const header = JSON.parse(buffer.subarray(4, 4 + headerLength).toString('utf8')) as {
    labels: string[];
    /** `sorted`: features and runs in key order (current); absent: the table as it is in memory. */
    layout?: 'sorted';
    slots?: number;
    features?: number;
    entries: number;
  };
  // Copy into an aligned buffer so typed-array views are valid whatever the source offset.
  let offset = 4 + headerLength;
  offset += (4 - (offset % 4)) % 4;
  const body = new Uint8Array(buffer.length - offset);
  body.set(buffer.subarray(offset));
  const ab = body.buffer;
  let at = 0;
  const take = <T>(make: (b: ArrayBuffer, o: number, n: number) => T, n: number, bytes: number): T => {
    const view = make(ab, at, n);
    at += n * bytes;
    return view;
  };
  if (header.layout !== 'sorted') {
    const slots = header.slots ?? 0;
    const keys = take((b, o, n) => new Uint32Array(b, o, n), slots, 4);
    const runStart = take((b, o, n) => new Uint32Array(b, o, n), slots, 4);
    const entryWeight = take((b, o, n) => new Float32Array(b, o, n), header.entries, 4);
    const runLength = take((b, o, n) => new Uint16Array(b, o, n), slots, 2);
    const entryLabel = take((b, o, n) => new Uint16Array(b, o, n), header.entries, 2);
    const model = new CompiledPerceptron(header.labels, keys, runStart, runLength, entryLabel, entryWeight);
    return { layout: 'table', model };
  }
  const features = header.features ?? 0;
  const keys = take((b, o, n) => new Uint32Array(b, o, n), features, 4);
  const entryWeight = take((b, o, n) => new Float32Array(b, o, n), header.entries, 4);
  const lengths = take((b, o, n) => new Uint16Array(b, o, n), features, 2);
  const entryLabel = take((b, o, n) => new Uint16Array(b, o, n), header.entries, 2);
  return { layout: 'sorted', labels: header.labels, keys, lengths, entryLabel, entryWeight };
}

/** A packed perceptron's arrays as another thread receives them (the typed arrays over shared memory). */
export interface SharedPackedPerceptron {
  labels: readonly string[];
  table: Uint32Array;
  entries: Int32Array;
  unit: number;
}

/**
 * The same weights laid out for scoring from memory that does not fit in the cache. One table row of
 * four 32-bit words per feature: its key, its run (start * 256 + length), and — for the runs of one or
 * two entries that most features have (four in five in the parser) — the entries themselves, so such a
 * feature costs one cache line, not two. An entry is one 32-bit word: the label in the low 8 bits, the
 * weight as 24-bit fixed point above it. For models with at most 255 labels; weights keep 23 bits of
 * precision relative to the largest, which leaves every comparison the parser makes as it was.
 */
export class PackedPerceptron {
  private constructor(
    readonly labels: readonly string[],
    private readonly table: Uint32Array,
    private readonly entries: Int32Array,
    /** What one unit of `addUnits` is worth in the model's weights. */
    readonly unit: number,
  ) {}

  static from(model: CompiledPerceptron): PackedPerceptron {
    return PackedPerceptron.pack(
      model.labels,
      model.keys,
      model.runStart,
      model.runLength,
      model.entryLabel,
      model.entryWeight,
    );
  }

  /** The packed model of a file written by `CompiledPerceptron.toBuffer`, without building its table. */
  static fromBuffer(buffer: Buffer): PackedPerceptron {
    const file = readPerceptronFile(buffer);
    if (file.layout === 'table') return PackedPerceptron.from(file.model);
    const starts = new Uint32Array(file.keys.length);
    for (let i = 1; i < starts.length; i++) starts[i] = (starts[i - 1] as number) + (file.lengths[i - 1] as number);
    return PackedPerceptron.pack(file.labels, file.keys, starts, file.lengths, file.entryLabel, file.entryWeight);
  }

  /** Feature `keys[i]` (EMPTY: none) has the entries from `starts[i]`, `lengths[i]` of them. */
  private static pack(
    labels: readonly string[],
    keys: Uint32Array,
    starts: Uint32Array,
    lengths: Uint16Array,
    entryLabel: Uint16Array,
    entryWeight: Float32Array,
  ): PackedPerceptron {
    if (labels.length > MAX_PACKED_LABELS)
      throw new Error(`a packed perceptron holds at most ${MAX_PACKED_LABELS} labels`);
    if (entryLabel.length >= 1 << 24) throw new Error('too many weights for a packed perceptron');
    let max = 0;
    for (const w of entryWeight) max = Math.max(max, Math.abs(w));
    const scale = max > 0 ? max / 0x7fffff : 1;
    let features = 0;
    let long = 0;
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === EMPTY) continue;
      features++;
      if ((lengths[i] as number) > INLINE_ENTRIES) long += lengths[i] as number;
    }
    let rows = 1;
    while (rows < features / PACKED_LOAD) rows <<= 1;
    // In shared memory, so that analysis threads read one copy (see `shared`).
    const table = new Uint32Array(new SharedArrayBuffer(rows * 16));
    for (let r = 0; r < rows; r++) table[4 * r] = EMPTY;
    const entries = new Int32Array(new SharedArrayBuffer(long * 4));
    let used = 0;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as number;
      if (key === EMPTY) continue;
      let r = key & (rows - 1);
      while (table[4 * r] !== EMPTY) r = (r + 1) & (rows - 1);
      const start = starts[i] as number;
      const length = lengths[i] as number;
      table[4 * r] = key;
      // Inline runs go in the row's last two words, longer ones into `entries`.
      const inline = length <= INLINE_ENTRIES;
      table[4 * r + 1] = inline ? length : used * 256 + length;
      for (let j = 0; j < length; j++) {
        const q = Math.round((entryWeight[start + j] as number) / scale);
        const entry = (q << 8) | (entryLabel[start + j] as number);
        if (inline) table[4 * r + 2 + j] = entry;
        else entries[used++] = entry;
      }
    }
    return new PackedPerceptron(labels, table, entries, scale);
  }

  /**
   * The model's arrays for another thread (`fromShared` there): they live in shared memory, so threads
   * read one copy — once in RAM and in the cache they share — and none packs the model again.
   */
  shared(): SharedPackedPerceptron {
    return { labels: this.labels, table: this.table, entries: this.entries, unit: this.unit };
  }

  static fromShared(s: SharedPackedPerceptron): PackedPerceptron {
    return new PackedPerceptron(s.labels, s.table, s.entries, s.unit);
  }

  /** The rows found for the features of one call, between the two passes. */
  private rows = new Uint32Array(256);

  /** Add every feature's weights into `scores` (length = labels.length), which the caller zeroes. */
  score(features: ArrayLike<number>, count: number, scores: Float64Array): void {
    this.addUnits(features, count, scores, 0);
    const unit = this.unit;
    for (let l = 0; l < this.labels.length; l++) scores[l]! *= unit;
  }

  /**
   * Add every feature's weights, in units of `unit`, into `out[offset + label]`. The units are whole
   * numbers, so sums are exact in any order: partial sums can be kept and added later with the same
   * result. Two passes: first every feature's table row, then the runs, so that the loads of different
   * features do not wait on each other's sums (the table and weights do not fit the cache).
   */
  addUnits(features: ArrayLike<number>, count: number, out: Float64Array, offset: number): void {
    const table = this.table;
    const entries = this.entries;
    const mask = (table.length >>> 2) - 1;
    if (this.rows.length < count) this.rows = new Uint32Array(count * 2);
    const rows = this.rows;
    let found = 0;
    for (let f = 0; f < count; f++) {
      const h = (features[f] as number) >>> 0;
      let r = h & mask;
      for (;;) {
        const k = table[4 * r] as number;
        if (k === EMPTY) break;
        if (k === h) {
          rows[found++] = r;
          break;
        }
        r = (r + 1) & mask;
      }
    }
    for (let i = 0; i < found; i++) {
      const at = 4 * (rows[i] as number);
      const run = table[at + 1] as number;
      const length = run & 255;
      if (length <= INLINE_ENTRIES) {
        for (let e = 0; e < length; e++) {
          const x = (table[at + 2 + e] as number) | 0;
          out[offset + (x & 255)]! += x >> 8;
        }
        continue;
      }
      const start = run >>> 8;
      const end = start + length;
      for (let e = start; e < end; e++) {
        const x = entries[e] as number;
        out[offset + (x & 255)]! += x >> 8;
      }
    }
  }
}

/** The trainer: averaged perceptron with lazy averaging over (feature, label) slots. */
export class PerceptronTrainer {
  readonly labels: string[] = [];
  private readonly labelIndex = new Map<string, number>();
  /** Feature hash → the slots of its (feature, label) pairs. */
  private readonly slotsOf = new Map<number, number[]>();
  private w = new Float64Array(1 << 16);
  private total = new Float64Array(1 << 16);
  private stamp = new Float64Array(1 << 16);
  private slotFeature = new Uint32Array(1 << 16);
  private slotLabel = new Uint16Array(1 << 16);
  /** How often each slot was updated: pairs updated only once or twice are mostly noise. */
  private slotUpdates = new Uint32Array(1 << 16);
  private slots = 0;
  /** Number of training instances seen: the clock of lazy averaging. */
  private clock = 0;

  label(name: string): number {
    let i = this.labelIndex.get(name);
    if (i === undefined) {
      i = this.labels.length;
      this.labels.push(name);
      this.labelIndex.set(name, i);
    }
    return i;
  }

  labelId(name: string): number | undefined {
    return this.labelIndex.get(name);
  }

  /** Current (not averaged) scores, for decoding during training. */
  score(features: ArrayLike<number>, count: number, scores: Float64Array): void {
    for (let f = 0; f < count; f++) {
      const slots = this.slotsOf.get((features[f] as number) >>> 0);
      if (!slots) continue;
      for (const s of slots) scores[this.slotLabel[s] as number]! += this.w[s] as number;
    }
  }

  /** One training instance: if `guess` ≠ `truth`, move weights toward the truth. */
  update(truth: number, guess: number, features: ArrayLike<number>, count: number): void {
    this.clock++;
    if (truth === guess) return;
    for (let f = 0; f < count; f++) {
      const h = (features[f] as number) >>> 0;
      this.bump(h, truth, 1);
      if (guess >= 0) this.bump(h, guess, -1);
    }
  }

  /** Advance the averaging clock by one instance (structured updates call `adjust` in between). */
  tick(): void {
    this.clock++;
  }

  /** Add `delta` to the weight of every feature for `label` (one step of a structured update). */
  adjust(features: ArrayLike<number>, count: number, label: number, delta: number): void {
    for (let f = 0; f < count; f++) this.bump((features[f] as number) >>> 0, label, delta);
  }

  private bump(feature: number, label: number, delta: number): void {
    let slots = this.slotsOf.get(feature);
    if (!slots) this.slotsOf.set(feature, (slots = []));
    let s: number | undefined;
    for (const k of slots) if (this.slotLabel[k] === label) s = k;
    if (s === undefined) {
      s = this.slots++;
      if (s === this.w.length) this.grow();
      slots.push(s);
      this.slotFeature[s] = feature;
      this.slotLabel[s] = label;
      this.stamp[s] = this.clock;
    }
    this.total[s]! += (this.clock - (this.stamp[s] as number)) * (this.w[s] as number);
    this.stamp[s] = this.clock;
    this.w[s]! += delta;
    this.slotUpdates[s]!++;
  }

  private grow(): void {
    const n = this.w.length * 2;
    const copy = <T extends Float64Array | Uint32Array | Uint16Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.w = copy(this.w, (k) => new Float64Array(k));
    this.total = copy(this.total, (k) => new Float64Array(k));
    this.stamp = copy(this.stamp, (k) => new Float64Array(k));
    this.slotFeature = copy(this.slotFeature, (k) => new Uint32Array(k));
    this.slotLabel = copy(this.slotLabel, (k) => new Uint16Array(k));
    this.slotUpdates = copy(this.slotUpdates, (k) => new Uint32Array(k));
  }

  /**
   * Averaged weights in runtime form; pairs whose |weight| is below `prune`, or that were updated fewer
   * than `minUpdates` times, are dropped.
   */
  compile(prune = 1e-3, minUpdates = 1): CompiledPerceptron {
    const byFeature = new Map<number, Array<[number, number]>>();
    for (let s = 0; s < this.slots; s++) {
      const total = (this.total[s] as number) + (this.clock - (this.stamp[s] as number)) * (this.w[s] as number);
      const avg = this.clock > 0 ? total / this.clock : 0;
      if (Math.abs(avg) < prune || (this.slotUpdates[s] as number) < minUpdates) continue;
      const f = this.slotFeature[s] as number;
      let run = byFeature.get(f);
      if (!run) byFeature.set(f, (run = []));
      run.push([this.slotLabel[s] as number, avg]);
    }
    return CompiledPerceptron.fromRuns([...this.labels], byFeature);
  }
}
