import { describe, expect, it } from 'vitest';
import { fileName, slugify } from './filename.ts';

describe('slugify', () => {
  it('makes a short, safe file name from a title', () => {
    expect(slugify('Black Friday: cache & DB!')).toBe('black-friday-cache-db');
    expect(slugify('  Café résumé  ')).toBe('cafe-resume');
    expect(slugify('../../etc/passwd')).toBe('etc-passwd');
    expect(slugify('a/b\\c:d*e?f"g<h>i|j')).toBe('a-b-c-d-e-f-g-h-i-j');
    expect(slugify('<img src=x onerror=alert(1)>')).toBe('img-src-x-onerror-alert-1');
  });

  it('keeps letters of any script and falls back when nothing is left', () => {
    expect(slugify('Кэш и база')).toBe('кэш-и-база');
    expect(slugify('!!!')).toBe('scenario');
    expect(slugify('')).toBe('scenario');
  });

  it('caps the length without a trailing dash', () => {
    const slug = slugify(`${'word '.repeat(40)}end`);
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug.endsWith('-')).toBe(false);
  });

  it('adds the extension', () => {
    expect(fileName('Three tiers', 'json')).toBe('three-tiers.json');
    expect(fileName('Three tiers', 'csv', '-series')).toBe('three-tiers-series.csv');
  });
});
