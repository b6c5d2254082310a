import type { StatsEngine, ValueResult } from '../../../src/stats/engine.ts';

/** The part of the statistics engine the answers use, with figures made up here. */
export function fakeStats(): StatsEngine {
  const places = [
    { id: 'mun:15033', name: 'Ecatepec de Morelos', value: 1_645_352 },
    { id: 'mun:15058', name: 'Nezahualcóyotl', value: 1_077_208 },
  ];
  const row = (p: (typeof places)[number]): ValueResult => ({
    indicator: 'population_total',
    indicatorName: 'Población total',
    geo: p.id,
    geoName: p.name,
    year: 2020,
    value: p.value,
    numerator: null,
    denominator: null,
    unit: 'persons' as ValueResult['unit'],
    unitLabel: 'personas',
    decimals: 0,
    status: 'ok' as ValueResult['status'],
    source: [
      {
        dataset: 'census2020' as ValueResult['source'][number]['dataset'],
        title: 'INEGI, Censo de Población y Vivienda 2020',
        edition: '2021',
        table: 'ITER',
      },
    ],
    notes: [],
  });
  // One list: the public page cache compares it by identity to tell a data reload.
  const datasets: never[] = [];
  const stats = {
    datasets: () => datasets,
    table: () => ({
      geo: 'set:15033,15058',
      geoName: 'Ecatepec y Nezahualcóyotl',
      level: 'set',
      rows: places.map(row),
      notes: [],
    }),
    resolveGeo: () => ({
      id: 'set:15033,15058',
      name: 'Ecatepec y Nezahualcóyotl',
      level: 'set',
      members: [
        { code: '15033', weight: 1 },
        { code: '15058', weight: 1 },
      ],
      notes: [],
    }),
    geographies: () => places.map((p) => ({ id: p.id, name: p.name, level: 'mun', members: [p.id] })),
    indicators: () => [
      {
        id: 'population_total',
        name: 'Población total',
        definition: 'Personas residentes habituales.',
        unitLabel: 'personas',
        source: { title: 'INEGI, Censo 2020' },
      },
    ],
  };
  return stats as unknown as StatsEngine;
}
