const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const plain = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** 150 → "150", 1500 → "1,500", 25000 → "25K": short enough for a node's one-line summary. */
export function shortNumber(n: number): string {
  return Math.abs(n) >= 10_000 ? compact.format(n) : plain.format(n);
}

/** 20 → "20 ms", 1000 → "1 s", 1500 → "1.5 s", 90000 → "90 s". */
export function shortDuration(ms: number): string {
  return ms < 1000 ? `${plain.format(ms)} ms` : `${plain.format(ms / 1000)} s`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${shortNumber(n)} ${n === 1 ? one : many}`;
}
