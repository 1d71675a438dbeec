/** Numbers in plain words for people: "1,204", "97%", "31 ms", "2.5 s". */

export function count(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export function percent(ratio: number, digits = 0): string {
  if (!Number.isFinite(ratio)) return '–';
  return `${(ratio * 100).toFixed(digits)}%`;
}

export function ms(value: number): string {
  if (value === Number.POSITIVE_INFINITY) return '∞';
  if (!Number.isFinite(value)) return '–';
  if (value >= 10_000) return `${(value / 1000).toFixed(1)} s`;
  if (value >= 100) return `${Math.round(value)} ms`;
  if (value >= 10) return `${value.toFixed(1)} ms`;
  return `${value.toFixed(2)} ms`;
}

export function seconds(s: number): string {
  return `${s.toFixed(1)} s`;
}

export function rate(perSecond: number): string {
  if (!Number.isFinite(perSecond)) return '–';
  return perSecond >= 100 ? `${count(perSecond)}/s` : `${perSecond.toFixed(1)}/s`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${Math.round(n) === 1 ? one : many}`;
}

/** "web-1", "web-1 and web-2", "web-1, web-2 and db". */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
