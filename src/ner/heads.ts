/**
 * Name-kind heads (data/ner/de/heads.tsv): nouns that say what kind of name they head or introduce —
 * "-kammer" an organisation, "-straße" a place, "der Film" a work's title, "Präsident" a person. The NER
 * tagger reads the kind of each token and of its neighbours as features; German compounds are matched
 * by their last part, so "Bundesärztekammer" is an ORG head without being listed.
 */
import { compoundHead } from '../text/compounds.js';
import { readLexiconRows } from '../util/lexicon.js';

export class NameHeads {
  constructor(private readonly kinds: ReadonlyMap<string, string>) {}

  /** The kind(s) of a lower-cased token ("ORG", "LOC+ORG"), or '' when it is no head. */
  kindOf(lower: string): string {
    return this.kinds.get(lower) ?? compoundHead(lower, (part) => this.kinds.get(part), 4) ?? '';
  }

  /** The kind(s) of a lower-cased token listed as it is, not as a compound's last part. */
  listedKindOf(lower: string): string {
    return this.kinds.get(lower) ?? '';
  }
}

export function parseNameHeads(rows: readonly string[][]): NameHeads {
  const kinds = new Map<string, Set<string>>();
  for (const [forms, kind] of rows)
    for (const form of (forms ?? '').split('|')) {
      let set = kinds.get(form);
      if (!set) kinds.set(form, (set = new Set()));
      set.add(kind ?? '');
    }
  return new NameHeads(new Map([...kinds].map(([form, set]) => [form, [...set].sort().join('+')])));
}

let loaded: NameHeads | undefined;

export function loadNameHeads(): NameHeads {
  return (loaded ??= parseNameHeads(readLexiconRows('ner/de/heads.tsv')));
}
