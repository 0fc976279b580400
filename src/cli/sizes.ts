/** "10MB", "500kB", "1.5 GB", "1048576" → bytes (1 kB = 1024 bytes); null when unreadable. */
export function parseByteSize(value: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?i?b?)?\s*$/i.exec(value);
  if (!m) return null;
  const unit = (m[2] ?? '').toLowerCase().replace(/i?b$/, '');
  const factor = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  const bytes = Math.floor(Number(m[1]) * factor);
  return bytes > 0 ? bytes : null;
}
