// Issue 20: forty questions as people write them, answered on the real staged files (../shared/data):
// every topic, every kind of place, years, typos, short names, and ten questions that must not be
// answered with a guess. Each expected figure is the engine's own value for the indicator, place and
// year the question means, so a wrong reading (another indicator, place or year) fails.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/index.ts';
import { ANONYMOUS } from '../../../src/domain/actor.ts';
import { type AskResult, answerQuestion } from '../../../src/services/ask/answer-question.ts';
import { createStatsEngine, type StatsEngine } from '../../../src/stats/engine.ts';
import { parseDataDir } from '../../../src/stats/import.ts';
import { sharedDataDir } from '../../helpers/shared-data.ts';
import { readStaged } from '../stats/staged-csv.ts';

const dir = sharedDataDir();

/** [question, indicator, geography, year] — year null: the latest year with data up to 2026. */
type Expected = [string, string, string, number];
const ANSWERED: Expected[] = [
  // population, short names and typos
  ['¿Cuántos habitantes tiene Neza?', 'population_total', 'mun:15058', 2020],
  ['poblacion de toluca en 2010', 'population_total', 'mun:15106', 2010],
  ['cuantos habitantes tiene izcalli 2015', 'population_total', 'mun:15121', 2015],
  ['Población del edomex', 'population_total', 'state:15', 2020],
  ['Ecatepek habitantes', 'population_total', 'mun:15033', 2020],
  ['Netzahualcoyotl poblacion 1990', 'population_total', 'mun:15058', 1990],
  ['POBLACION ZONA METROPOLITANA DE TIANGUISTENCO', 'population_total', 'zm:15.01', 2020],
  ['población de la ZM de Toluca', 'population_total', 'zm:15.02', 2020],
  ['cuantos habitantes tenia la region texcoco en 2000', 'population_total', 'region:15', 2000],
  ['porcentaje de mujeres en Metepec', 'pct_female', 'mun:15054', 2020],
  ['población proyectada de Toluca en 2030', 'population_projection', 'mun:15106', 2030],
  ['población de Toluca en 2030', 'population_projection', 'mun:15106', 2030],
  ['poblacion de tlalnepantla en el 2005', 'population_total', 'mun:15104', 2005],
  // age
  ['adultos mayores en Valle de Bravo', 'population_60_plus', 'mun:15110', 2020],
  // ethnicity
  ['hablantes de lengua indigena en Temoaya', 'indigenous_language_speakers_3plus', 'mun:15087', 2020],
  ['afromexicanos en la zona metropolitana del Valle de México', 'afromexican_population', 'zm:09.01', 2020],
  // marginalization
  ['grado de marginación de San Felipe del Progreso en 2015', 'marginalization_grade', 'mun:15074', 2015],
  ['indice de marginacion de Toluca 2010', 'marginalization_index', 'mun:15106', 2010],
  // housing
  ['viviendas con internet en la región Ixtlahuaca', 'dwellings_internet', 'region:6', 2020],
  ['que porcentaje de viviendas tiene internet en metepec', 'pct_dwellings_internet', 'mun:15054', 2020],
  ['viviendas en Zumpango', 'occupied_dwellings', 'mun:15120', 2020],
  ['edo mex viviendas con agua entubada porcentaje', 'pct_dwellings_piped_water', 'state:15', 2020],
  // health
  ['personas con discapacidad en Nezahualcóyotl', 'population_with_disability', 'mun:15058', 2020],
  [
    'porcentaje de población sin servicios de salud en Chimalhuacán',
    'pct_without_health_coverage',
    'mun:15031',
    2020,
  ],
  // education
  ['analfabetas en la region XII', 'illiterate_population_15plus', 'region:12', 2020],
  // economy
  ['tasa de desempleo en Ecatepec', 'unemployment_rate', 'mun:15033', 2020],
  // social
  ['hogares en la Región VI', 'households', 'region:6', 2020],
  ['personas nacidas en otro estado que viven en Tecámac', 'population_born_other_state', 'mun:15081', 2020],
  ['Católicos en Atlacomulco', 'catholic_population', 'mun:15014', 2020],
  // demography (state only; no place named = the whole state)
  ['esperanza de vida en el Estado de México en 2030', 'life_expectancy', 'state:15', 2030],
  ['población del Estado de México en 2050', 'population_projection_state', 'state:15', 2050],
  ['tasa global de fecundidad 2020', 'total_fertility_rate', 'state:15', 2020],
];

/** [question, why it is not answered] */
const UNANSWERED: [string, AskResult['reason']][] = [
  ['¿cuántos homicidios hubo en Toluca?', 'unknown_words'],
  ['PIB de Metepec', 'unknown_words'],
  ['cuántas mujeres embarazadas hay en Ecatepec', 'unknown_words'],
  ['población de Jalisco', 'outside'],
  ['población de Guadalajara en 2020', 'outside'],
  ['cuantos habitantes tiene México', 'outside'],
  ['poblacion de Atizapan', 'ambiguous_place'],
  ['habitantes de Almoloya', 'ambiguous_place'],
  ['esperanza de vida en Toluca', 'not_available'],
  ['población de Toluca en 1980', 'not_available'],
];

describe.skipIf(!dir)('the question box on the staged official data', () => {
  let stats: StatsEngine;
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: 'var/test' });
  const ask = (q: string) =>
    answerQuestion({ stats, config, clock: { now: () => new Date('2026-12-02T12:00:00Z') } }, ANONYMOUS, {
      q,
      locale: 'es-MX',
    });

  beforeAll(() => {
    stats = createStatsEngine({ data: parseDataDir(dir!) });
  });

  it('has forty questions: every topic, every kind of place, ten unanswerable', () => {
    expect(ANSWERED.length + UNANSWERED.length).toBeGreaterThanOrEqual(40);
    expect(UNANSWERED.length).toBe(10);
    const topics = new Set(ANSWERED.map(([, id]) => stats.indicators().find((i) => i.id === id)!.topic));
    expect([...topics].sort()).toEqual(
      stats
        .topics()
        .map((t) => t.id)
        .sort(),
    );
    const kinds = new Set(ANSWERED.map(([, , geo]) => geo.split(':')[0]));
    expect([...kinds].sort()).toEqual(['mun', 'region', 'state', 'zm']);
  });

  it.each(ANSWERED)('«%s» → %s, %s, %s', (q, indicator, geo, year) => {
    const r = ask(q);
    expect(r.reason, r.reasonText ?? '').toBeNull();
    expect(r.answers).toHaveLength(1);
    const a = r.answers[0]!;
    expect({ indicator: a.indicator, geo: a.geo, year: a.year }).toEqual({ indicator, geo, year });
    const direct = stats.value({ indicator, geo, year });
    expect(a.value).toBe(direct.value);
    expect(a.value).not.toBeNull();
    // One sentence with the place, the year and the publisher.
    expect(a.text).toContain(String(year));
    expect(a.text).toContain(direct.geoName);
    expect(a.text).toMatch(/según .* del (INEGI|CONAPO)\.$/);
    expect(a.definition.length).toBeGreaterThan(10);
    expect(r.request).toMatchObject({ indicators: [indicator], geo, years: [year], otherText: null });
  });

  it('says the brief’s sentence for Neza, with the figure of the staged population series', () => {
    const row = readStaged(dir!, 'inegi_poblacion_municipal_1990_2020_edomex.csv').find(
      (r) => r.cve_mun === '15058' && r.anio === '2020',
    )!;
    const figure = Number(row.pob_total).toLocaleString('en-US');
    expect(ask('¿Cuántos habitantes tiene Neza?').answers[0]!.text).toBe(
      `Nezahualcóyotl tenía ${figure} habitantes en 2020, según el Censo de Población y Vivienda 2020 del INEGI.`,
    );
    expect(figure).toBe('1,077,208');
  });

  it('answers two places and two indicators named in one question', () => {
    const places = ask('poblacion de Toluca y Metepec');
    expect(places.answers.map((a) => a.geo)).toEqual(['mun:15106', 'mun:15054']);
    expect(places.request.geo).toBe('set:15054,15106');
    const both = ask('población de hombres y mujeres en Lerma');
    expect(both.answers.map((a) => a.indicator).sort()).toEqual(['population_female', 'population_male']);
  });

  it('gives the related years of the series', () => {
    const a = ask('cuantos habitantes tiene izcalli 2015').answers[0]!;
    expect(a.table.map((r) => r.year)).toEqual([1990, 1995, 2000, 2005, 2010, 2015, 2020]);
    expect(a.table.find((r) => r.year === 2015)!.value).toBe(a.value);
  });

  it('reports a typo it corrected', () => {
    expect(ask('Ecatepek habitantes').understood.corrections).toContainEqual({
      typed: 'ecatepek',
      read: 'ecatepec',
    });
  });

  it.each(UNANSWERED)('«%s» is not answered (%s)', (q, reason) => {
    const r = ask(q);
    expect(r.answers).toEqual([]);
    expect(r.reason).toBe(reason);
    expect(r.reasonText).toBeTruthy();
    // The question goes to a person as an «Otro» request, prefilled.
    expect(r.request.otherText).toBe(q);
    expect(r.request.indicators).toEqual([]);
  });

  it('offers both places of an ambiguous name, and each suggestion is itself answered', () => {
    const r = ask('poblacion de Atizapan');
    expect(r.understood.ambiguous[0]!.candidates.map((c) => c.id)).toEqual(['mun:15012', 'mun:15013']);
    expect(r.suggestions.map((s) => s.id)).toEqual(['mun:15012', 'mun:15013']);
    for (const s of r.suggestions) expect(ask(s.question).answers[0]!.geo).toBe(s.id);
  });

  it('suggests the state for a state-only indicator asked of a municipality', () => {
    const r = ask('esperanza de vida en Toluca');
    const first = r.suggestions[0]!;
    expect(ask(first.question).answers[0]).toMatchObject({ indicator: 'life_expectancy', geo: 'state:15' });
  });

  it('answers an English question in English (bonus: ?lang=en)', () => {
    const r = answerQuestion(
      { stats, config, clock: { now: () => new Date('2026-12-02T12:00:00Z') } },
      ANONYMOUS,
      { q: 'How many people live in Neza?', locale: 'en' },
    );
    expect(r.answers[0]).toMatchObject({ indicator: 'population_total', geo: 'mun:15058', year: 2020 });
    expect(r.answers[0]!.text).toMatch(
      /^Nezahualcóyotl had [\d,]+ inhabitants in 2020, according to INEGI's/,
    );
  });

  it('never reads a word it does not know: the unknown word is named', () => {
    expect(ask('cuántas mujeres embarazadas hay en Ecatepec').understood.unknownWords).toEqual([
      'embarazadas',
    ]);
    expect(ask('población de Jalisco').understood.outside).toEqual(['Jalisco']);
  });
});
