/**
 * File names from a scenario's title: "Black Friday: cache & DB!" → "black-friday-cache-db".
 * Letters lose their accents, everything else becomes a dash, and the result is short enough
 * for any file system. A title with no letters or digits at all gives `fallback`.
 */
export function slugify(title: string, fallback = 'scenario'): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '') // accents, once NFKD has split them off
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .slice(0, 60)
    .replace(/^-+|-+$/g, '');
  return slug || fallback;
}

/** `scenario.json`, `black-friday.png`: the title slug and an extension. */
export function fileName(title: string, extension: string, suffix = ''): string {
  return `${slugify(title)}${suffix}.${extension}`;
}
