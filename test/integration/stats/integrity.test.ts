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

  it('population change across a municipal split: refused for part of the family, computed on the constant territory', () => {
    const series = readStaged(dir!, 'inegi_poblacion_municipal_1990_2020_edomex.csv');
    const pop = (code: string, year: number) =>
      num(series.find((r) => r.cve_mun === code && r.anio === String(year))?.pob_total) ?? 0;
    for (const [parent, split, year] of [
      ['15074', '15124', 2010],
      ['15082', '15123', 2010],
      ['15044', '15125', 2010],
      ['15025', '15122', 2000],
    ] as const) {
      for (const geo of [`mun:${parent}`, `mun:${split}`]) {
        const err = refusal(() => stats.value({ indicator: 'population_change', geo, year }));
        expect((err as UnprocessableError).messageKey, geo).toBe('stats.error.territory_changed');
        expect((err as UnprocessableError).params!.suggestion).toBe(`set:${parent},${split}`);
      }
      const family = stats.value({ indicator: 'population_change', geo: `set:${parent},${split}`, year });
      const p1 = pop(parent, year) + pop(split, year);
      const p0 = pop(parent, year - 10);
      expect(Math.abs((family.value as number) - (100 * (p1 - p0)) / p0)).toBeLessThan(1e-9);
    }
    // Región II holds San José del Rincón but not San Felipe del Progreso: refused, with the reason.
    const region = refusal(() =>
      stats.value({ indicator: 'population_change', geo: 'region:2', year: 2010 }),
    );
    expect((region as UnprocessableError).params!.created).toBe('San José del Rincón');
    expect(
      stats.canAnswer({ indicators: ['population_change'], geo: 'region:2', years: [2010] }),
    ).toMatchObject({
      ok: false,
      reasonKey: 'stats.error.territory_changed',
    });
    // No split between 2010 and 2020: answered.
    expect(stats.value({ indicator: 'population_change', geo: 'region:2', year: 2020 }).status).toBe('ok');
  });

  it('average annual growth rate between the exact census reference dates', () => {
    const v = stats.value({ indicator: 'population_growth_rate_annual', geo: 'state:15', year: 2020 });
    const t = (Date.parse('2020-03-15') - Date.parse('2010-06-12')) / (365.2425 * 86_400_000);
    const expected = ((16_992_418 / 15_175_862) ** (1 / t) - 1) * 100;
    expect(Math.abs((v.value as number) - expected)).toBeLessThan(1e-9);
    expect(v.notes.join(' ')).toMatch(/2010-06-12 y 2020-03-15 \(9\.758 años\)/);
  });

  it('zm:09.01 is named as the state part of the Valle de México zone, everywhere', () => {
    const name = 'ZM del Valle de México, parte mexiquense (59 de 76 municipios)';
    const zm = stats.geographies('zm').find((g) => g.id === 'zm:09.01')!;
    expect(zm.name).toBe(name);
    expect(zm.members).toHaveLength(59);
    const total = new Set(
      readStaged(dir!, 'sedatu_conapo_inegi_zm2015_zonas_con_edomex.csv')
        .filter((r) => r.CVE_ZM === '09.01')
        .map((r) => r.CVE_MUN),
    ).size;
    expect(total).toBe(76);
    expect(stats.value({ indicator: 'population_total', geo: 'zm:09.01' }).geoName).toBe(name);
    expect(stats.table({ indicators: ['population_total'], geo: 'zm:09.01' }).geoName).toBe(name);
  });

  it('marginalization: separate state (IME) and municipal (IMM) indices, with the editions note', () => {
    const state = stats.value({ indicator: 'marginalization_index_state', geo: 'state:15' });
    expect(state.value).toBe(num(ime.IM_2020));
    expect(() => stats.value({ indicator: 'marginalization_index_state', geo: 'mun:15033' })).toThrow(
      UnprocessableError,
    );
    expect(() => stats.value({ indicator: 'marginalization_index_municipal', geo: 'state:15' })).toThrow(
      UnprocessableError,
    );
    for (const year of [2010, 2015, 2020]) {
      const file = readStaged(dir!, `conapo_imm_${year}_edomex.csv`).find((r) => r.CVE_MUN === '15033')!;
      const v = stats.value({ indicator: 'marginalization_index_municipal', geo: 'mun:15033', year });
      expect(v.value).toBe(num(file[`IM_${year}`]));
      expect(v.notes.join(' ')).toMatch(/propia escala.*el grado de marginación es el comparable/);
    }
    // The old id keeps working (documented as mixing the two scales).
    expect(stats.value({ indicator: 'marginalization_index', geo: 'state:15' }).value).toBe(state.value);
  });

  it('dwellings: the citation names the denominator really used; VPH_AGUADV includes the plot', () => {
    const v = stats.value({ indicator: 'pct_dwellings_piped_water', geo: 'state:15' });
    expect(v.source[0]!.table).toMatch(/VPH_AGUADV\) \/ TOTAL DE VIVIENDAS HABITADAS \(AGEEML/);
    expect(v.source[0]!.table).not.toMatch(/TVIVPARHAB\)$/);
    expect(v.denominator).toBe(
      readStaged(dir!, 'inegi_ageeml_municipios_edomex.csv').reduce(
        (s, r) => s + num(r['TOTAL DE VIVIENDAS HABITADAS'])!,
        0,
      ),
    );
    const def = stats.indicators().find((i) => i.id === 'pct_dwellings_piped_water')!.definition;
    expect(def).toMatch(/dentro de la vivienda o fuera de la vivienda pero dentro del terreno/);
  });

  it('2015 survey: no "estimate" note for the five municipalities it enumerated; CV published and flagged', () => {
    const eic = readStaged(dir!, 'inegi_eic2015_poblacion_municipio_edad_sexo_edomex.csv');
    const censados = [...new Set(eic.filter((r) => /\*$/.test(r.municipio!)).map((r) => r.municipio!))];
    expect(censados).toHaveLength(5);
    for (const label of censados) {
      const geo = `mun:15${label.slice(0, 3)}`;
      for (const indicator of ['population_total', 'population_pyramid_2015']) {
        const v = stats.value({ indicator, geo, year: 2015 });
        expect(v.notes.join(' '), `${indicator} ${geo}`).not.toMatch(/estimación/);
        expect(v.notes.join(' ')).toMatch(/Municipio censado/);
        expect(v.cv).toBeUndefined();
      }
    }
    const cvRows = eic.filter(
      (r) =>
        r.estimador === 'Coeficiente de variación' &&
        r.municipio !== 'Total' &&
        !['Total', 'No especificado'].includes(r.grupo_quinquenal_edad!),
    );
    const cells = cvRows.flatMap((r) => [num(r.hombres)!, num(r.mujeres)!]);
    expect(cells).toHaveLength(4000);
    let moderate = 0;
    let low = 0;
    for (const m of stats.geographies('mun')) {
      const v = stats.value({ indicator: 'population_pyramid_2015', geo: m.id });
      for (const b of v.breakdown!) {
        const row = cvRows.find(
          (r) =>
            `mun:15${r.municipio!.slice(0, 3)}` === m.id &&
            r.grupo_quinquenal_edad!.startsWith(b.key === '75+' ? '75' : b.key),
        )!;
        if (/\*$/.test(row.municipio!)) continue;
        expect(b.maleCv).toBe(num(row.hombres));
        expect(b.femaleCv).toBe(num(row.mujeres));
        for (const cv of [b.maleCv!, b.femaleCv!]) {
          if (cv >= 15) moderate++;
          if (cv >= 30) low++;
        }
      }
    }
    expect(moderate).toBe(cells.filter((c) => c >= 15).length);
    expect(low).toBe(cells.filter((c) => c >= 30).length);
    expect(low).toBe(1);
    const laPaz = stats.value({ indicator: 'population_total', geo: 'mun:15070', year: 2015 });
    const cvLaPaz = num(
      eic.find(
        (r) =>
          r.municipio === '070 La Paz' &&
          r.grupo_quinquenal_edad === 'Total' &&
          r.estimador === 'Coeficiente de variación',
      )!.poblacion_total,
    );
    expect(laPaz.cv).toBe(cvLaPaz);
    expect(laPaz.cvLevel).toBe('high');
  });

  it('every answer about a region names its scheme (2017–2023, 20 regions)', () => {
    for (const r of stats.geographies('region')) {
      const v = stats.value({ indicator: 'population_total', geo: r.id });
      expect(v.notes.join(' ')).toMatch(/Regionalización 2017–2023.*20 regiones/);
      expect(stats.table({ indicators: ['marginalization_grade'], geo: r.id }).notes.join(' ')).toMatch(
        /Regionalización 2017–2023/,
      );
    }
  });
});
