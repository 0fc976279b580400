/** One colour per PLOVER type, the same in every chart. */
const PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
  '#1f77b4',
  '#8c564b',
  '#17becf',
  '#bcbd22',
  '#7f7f7f',
  '#d62728',
];
/** Colours for the PLOVER types in the store's vocabulary order (GET /api/summary), so they never shift. */
export function typeColours(types: readonly string[]): (type: string) => string {
  return (type) => {
    const i = types.indexOf(type);
    return PALETTE[(i < 0 ? types.length : i) % PALETTE.length]!;
  };
}

/** QuadClass 1–2 is cooperation, 3–4 conflict (CAMEO). */
export function quadTone(quadClass: number | null): 'coop' | 'conflict' | 'neutral' {
  if (quadClass === 1 || quadClass === 2) return 'coop';
  if (quadClass === 3 || quadClass === 4) return 'conflict';
  return 'neutral';
}
