import { describe, expect, it } from 'vitest';
import { citationText, citedParts, publicationOf, VARIABLE_LABELS } from '../../../src/domain/citations.ts';
import { DATASET_IDS, findIndicator, INDICATORS, type Term } from '../../../src/domain/indicators.ts';

const variables = (terms: readonly Term[] = []) =>
  terms.flatMap((t) => (typeof t.variable === 'string' ? [t.variable] : [...t.variable]));

// A code is what a reader cannot look up: capitals with digits or underscores, snake case, `COL=0000`.
const CODE = /[A-Z_]{4,}|\b[a-z0-9]+_[a-z0-9_]+\b|\b[A-Z]+=\d+/;
const ACRONYMS = /\b(?:INEGI|CONAPO|ITER|AGEB|IMSS)\b/g;
const prose = (s: string) => s.replace(/https?:\/\/\S+/g, ' ').replace(ACRONYMS, ' ');

describe('citations of the indicators', () => {
  it('every variable the catalog reads has its publisher’s name in words', () => {
    const missing = INDICATORS.flatMap((d) =>
      [...variables(d.numerator), ...variables(d.denominator)].filter(
        (v) => !d.breakdown && VARIABLE_LABELS[v] === undefined,
      ),
    );
    expect(missing).toEqual([]);
  });

  it('every citation of every indicator and year is in words: no column or file code', () => {
    const offending: string[] = [];
    for (const d of INDICATORS)
      for (const year of d.years.slice(-3))
        for (const p of citedParts(d, year)) {
          const text = citationText(p.publication, p.variables);
          if (CODE.test(prose(text))) offending.push(`${d.id} ${year}: ${text}`);
        }
    expect(offending).toEqual([]);
    for (const id of DATASET_IDS) expect(publicationOf(id, 2020)?.institution).toMatch(/\((INEGI|CONAPO)\)$/);
  });

  it('a percentage whose denominator came from another publication cites both, each with what it gave', () => {
    const def = findIndicator('pct_dwellings_internet')!;
    const both = citedParts(def, 2020, ['censo2020_iter', 'ageeml_mun']);
    expect(both.map((p) => p.publication.key)).toEqual(['censo2020_iter', 'ageeml_mun']);
    expect(both[0]!.variables).toEqual(['Viviendas particulares habitadas que disponen de Internet']);
    expect(both[1]!.variables).toEqual(['Total de viviendas habitadas']);
    // With the full census table loaded, one publication gives both.
    const one = citedParts(def, 2020, ['censo2020_iter']);
    expect(one).toHaveLength(1);
    expect(one[0]!.variables).toContain('Total de viviendas particulares habitadas');
  });

  it('each count of a series is cited from its own census or survey', () => {
    const def = findIndicator('population_change')!;
    const titles = citedParts(def, 2020, ['population_series']).map((p) => p.publication.title);
    expect(titles).toEqual(['Censo de Población y Vivienda 2020', 'Censo de Población y Vivienda 2010']);
    expect(citedParts(findIndicator('population_total')!, 2015)[0]!.publication.title).toBe(
      'Encuesta Intercensal 2015',
    );
  });

  it('a state figure read from a sibling dataset cites the sibling (the state index, not the municipal one)', () => {
    const [part] = citedParts(findIndicator('pct_illiterate_15plus')!, 2020, ['conapo_ime']);
    expect(part!.publication.title).toBe('Índice de marginación por entidad federativa 2020');
    expect(part!.variables).toEqual(['Porcentaje de población de 15 años o más analfabeta']);
  });
});
