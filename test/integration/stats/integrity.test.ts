// Issue 18's defects, each checked on the real staged files (../shared/data), against figures read
// straight from the CSVs. Skips loudly outside CI when the data is absent; fails in CI.
import { beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError, UnprocessableError } from '../../../src/domain/errors.ts';
import { createStatsEngine, type StatsEngine } from '../../../src/stats/engine.ts';
import { parseDataDir } from '../../../src/stats/import.ts';
import { sharedDataDir } from '../../helpers/shared-data.ts';
import { type CsvRow, num, readStaged } from './staged-csv.ts';

const dir = sharedDataDir();

describe.skipIf(!dir)('statistical integrity on the staged files', () => {
  let stats: StatsEngine;
  let ime: CsvRow;
  let imm2020: Map<string, CsvRow>;
  let iter: Map<string, CsvRow>;

  beforeAll(() => {
    stats = createStatsEngine({ data: parseDataDir(dir!) });
    ime = readStaged(dir!, 'conapo_ime_2020_entidades.csv').find((r) => r.CVE_ENT === '15')!;
    imm2020 = new Map(readStaged(dir!, 'conapo_imm_2020_edomex.csv').map((r) => [r.CVE_MUN!, r]));
    iter = new Map(readStaged(dir!, 'censo2020_iter_municipal_subset_edomex.csv').map((r) => [r.CVEGEO!, r]));
  });

  const refusal = (fn: () => unknown) => {
    try {
      fn();
    } catch (err) {
      return err;
    }
    throw new Error('expected a refusal');
  };

  it("the state's ANALF, SBASC and PO2SM 2020 come from CONAPO's state index (IME 2020)", () => {
    for (const [indicator, column] of [
      ['pct_illiterate_15plus', 'ANALF'],
      ['pct_no_basic_education_15plus', 'SBASC'],
      ['pct_low_income_workers', 'PO2SM'],
    ] as const) {
      const v = stats.value({ indicator, geo: 'state:15', year: 2020 });
      expect(v.value, indicator).toBe(num(ime[column]));
      expect(v.source[0]!.dataset).toBe('conapo_ime');
    }
  });

  it('the state in 2010 and 2015: CONAPO published it, it is not loaded (never "the source does not publish")', () => {
    for (const year of [2010, 2015]) {
      const v = stats.value({ indicator: 'pct_illiterate_15plus', geo: 'state:15', year });
      expect(v.value).toBeNull();
      const notes = v.notes.join(' ');
      expect(notes).toMatch(new RegExp(`Índice de Marginación por Entidad ${year}, que no está cargado`));
      expect(notes).not.toMatch(/no publica|no disponible en la fuente/);
    }
  });

  it('a region of one municipality (X, XVI) answers as that municipality, like a set of one', () => {
    for (const region of ['region:10', 'region:16']) {
      const member = stats.geographies('region').find((g) => g.id === region)!.members;
      expect(member).toHaveLength(1);
      const code = member[0]!.slice(4);
      for (const indicator of ['pct_illiterate_15plus', 'marginalization_grade', 'marginalization_index']) {
        const r = stats.value({ indicator, geo: region });
        const set = stats.value({ indicator, geo: `set:${code}` });
        const mun = stats.value({ indicator, geo: `mun:${code}` });
        expect(r.value, `${indicator} ${region}`).toBe(mun.value);
        expect(set.value).toBe(mun.value);
        expect(r.notes.join(' ')).toMatch(/tiene un solo municipio/);
      }
      const table = stats.table({ indicators: ['marginalization_index'], geo: region });
      expect(table.rows).toHaveLength(1);
      expect(table.rows[0]!.geo).toBe(region);
    }
  });

  it('texts never say "1 municipios": one municipality is singular, in Spanish and English', () => {
    expect(stats.resolveGeo('set:15033').name).toBe('Conjunto de 1 municipio: Ecatepec de Morelos');
    expect(stats.resolveGeo('set:15033', 'en').name).toBe('Set of 1 municipality: Ecatepec de Morelos');
    expect(stats.resolveGeo('set:15033,15058').name).toMatch(/^Conjunto de 2 municipios:/);
    // Method notes count the members with the plural form.
    const change = stats.value({ indicator: 'population_total', geo: 'set:15025,15122', year: 2020 });
    expect(change.notes.join(' ')).toMatch(/Suma de los valores de 2 municipios\./);
    const texts: string[] = [];
    for (const ind of stats.indicators())
      for (const geo of ['region:10', 'region:16', 'set:15033', 'set:15025,15122', 'zm:15.01'])
        try {
          texts.push(...stats.value({ indicator: ind.id, geo }).notes);
        } catch (err) {
          texts.push(JSON.stringify((err as UnprocessableError).params ?? {}));
        }
    expect(texts.join(' ')).not.toMatch(/\b1 municipios\b|municipio\(s\)|\b1 municipalities\b/);
  });

  it('a published percentage is refused as a percentage, not as a "composite index"', () => {
    const pct = refusal(() => stats.value({ indicator: 'pct_illiterate_15plus', geo: 'region:6' }));
    expect(pct).toBeInstanceOf(UnprocessableError);
    expect((pct as UnprocessableError).messageKey).toBe('stats.error.not_aggregable_published');
    const index = refusal(() => stats.value({ indicator: 'marginalization_index', geo: 'region:6' }));
    expect((index as UnprocessableError).messageKey).toBe('stats.error.not_aggregable');
  });

  it('illiteracy computed from the census subset: P15YM_AN ÷ (POBTOT − 0–14), within 0.035 points of ANALF, aggregable', () => {
    const pop15 = (r: CsvRow) =>
      num(r.POBTOT)! - num(r.P_0A2)! - num(r.P_3A5)! - num(r.P_6A11)! - num(r.P_12A14)!;
    for (const [code, r] of iter) {
      const v = stats.value({ indicator: 'pct_illiterate_15plus_census', geo: `mun:${code}` });
      expect(v.numerator).toBe(num(r.P15YM_AN));
      expect(v.denominator).toBe(pop15(r));
      expect(Math.abs((v.value as number) - num(imm2020.get(code)!.ANALF)!), code).toBeLessThanOrEqual(
        0.0351,
      );
    }
    const region = stats.value({ indicator: 'pct_illiterate_15plus_census', geo: 'region:6' });
    const members = stats.geographies('region').find((g) => g.id === 'region:6')!.members;
    const rows = members.map((m) => iter.get(m.slice(4))!);
    const n = rows.reduce((s, r) => s + num(r.P15YM_AN)!, 0);
    const d = rows.reduce((s, r) => s + pop15(r), 0);
    expect(Math.abs((region.value as number) - (100 * n) / d)).toBeLessThan(1e-9);
    expect(stats.indicators().find((i) => i.id === 'pct_illiterate_15plus_census')!.source.table).toMatch(
      /P15YM_AN \/ \(POBTOT − P_0A2 − P_3A5 − P_6A11 − P_12A14\)/,
    );
  });

  it('a well-formed id outside the catalog (mun:99999) is unknown (404), not malformed', () => {
    expect(refusal(() => stats.value({ indicator: 'population_total', geo: 'mun:99999' }))).toBeInstanceOf(
      NotFoundError,
    );
  });
});
