import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../src/config/index.ts';
import { CATALOGS, DEFAULT_LOCALE, LOCALES } from '../../../src/i18n/index.ts';

// Compares the merged catalogs at run time, so catalogs added by any area later are covered too.
const reference = CATALOGS[DEFAULT_LOCALE] as Record<string, string>;
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

describe('message catalogs', () => {
  it('the reference catalog is not empty', () => {
    expect(Object.keys(reference).length).toBeGreaterThan(10);
  });

  describe.each(LOCALES.filter((l) => l !== DEFAULT_LOCALE))('%s against es-MX', (locale) => {
    const catalog = CATALOGS[locale] as Record<string, string>;

    it('has every key of es-MX', () => {
      const missing = Object.keys(reference).filter((k) => !Object.hasOwn(catalog, k));
      expect(missing).toEqual([]);
    });

    it('has no key es-MX lacks', () => {
      const extra = Object.keys(catalog).filter((k) => !Object.hasOwn(reference, k));
      expect(extra).toEqual([]);
    });

    it('uses the same {placeholders} as es-MX in every message', () => {
      const mismatched = Object.keys(reference)
        .filter((k) => typeof catalog[k] === 'string')
        .filter((k) => placeholders(reference[k]!).join() !== placeholders(catalog[k]!).join())
        .map(
          (k) =>
            `${k}: es-MX {${placeholders(reference[k]!).join(', ')}} ≠ ${locale} {${placeholders(catalog[k]!).join(', ')}}`,
        );
      expect(mismatched).toEqual([]);
    });
  });

  it.each(LOCALES)('%s has no empty message', (locale) => {
    const catalog = CATALOGS[locale] as Record<string, unknown>;
    const empty = Object.entries(catalog)
      .filter(([, v]) => typeof v !== 'string' || v.trim() === '')
      .map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it('every catalog file exists in both locales, is merged into CATALOGS, and no key is defined twice', async () => {
    const dir = (locale: string) => join(PROJECT_ROOT, 'src/i18n', locale);
    const files = (locale: string) =>
      readdirSync(dir(locale))
        .filter((f) => f.endsWith('.ts'))
        .sort();
    for (const locale of LOCALES)
      expect(files(locale), `catalog files of ${locale}`).toEqual(files(DEFAULT_LOCALE));
    const unmerged: string[] = [];
    const duplicated: string[] = [];
    for (const locale of LOCALES) {
      const definedIn = new Map<string, string>();
      for (const file of files(locale)) {
        const mod = (await import(join(dir(locale), file))) as Record<string, unknown>;
        for (const [name, value] of Object.entries(mod)) {
          if (typeof value !== 'object' || value === null) continue;
          for (const key of Object.keys(value)) {
            const where = `${locale}/${basename(file)} (${name})`;
            if (!Object.hasOwn(CATALOGS[locale], key)) unmerged.push(`${where}: ${key}`);
            // Two areas defining one key: the later merge silently wins.
            const first = definedIn.get(key);
            if (first && first !== where) duplicated.push(`${key}: ${first} and ${where}`);
            definedIn.set(key, where);
          }
        }
      }
    }
    expect(unmerged).toEqual([]);
    expect(duplicated).toEqual([]);
  });
});
