import type { StatsData } from '../../../src/stats/engine.ts';
import { createStatsEngine } from '../../../src/stats/engine.ts';

/** Made-up census series for Toluca, Metepec and Zinacantepec (1990–2020 every five years). */
export const PLACES = [
  { code: '15106', name: 'Toluca', base: 900_000 },
  { code: '15054', name: 'Metepec', base: 240_000 },
  { code: '15118', name: 'Zinacantepec', base: 200_000 },
] as const;

const YEARS = [1990, 1995, 2000, 2005, 2010, 2015, 2020];

export function populationOf(code: string, year: number): number {
  const p = PLACES.find((x) => x.code === code)!;
  return p.base + (year - 1990) * 1000;
}

const data: StatsData = {
  datasets: [
    {
      id: 'population_series',
      title: 'Serie de población',
      source: 'INEGI',
      edition: '2021',
      fileName: 'hecho-a-mano.csv',
      sha256: '0'.repeat(64),
      rows: PLACES.length * YEARS.length,
      facts: PLACES.length * YEARS.length * 3,
      importedAt: new Date('2026-11-25T12:00:00Z'),
    },
  ],
  facts: PLACES.flatMap((p) =>
    YEARS.flatMap((year) => {
      const total = populationOf(p.code, year);
      const women = Math.round(total * 0.52);
      return (
        [
          ['series.pob_total', total],
          ['series.mujeres', women],
          ['series.hombres', total - women],
        ] as const
      ).map(([variable, value]) => ({
        dataset: 'population_series' as const,
        variable,
        geo: p.code,
        year,
        value,
        text: null,
        status: 'ok' as const,
      }));
    }),
  ),
  boundaries: [],
};

export function workbenchStats() {
  return createStatsEngine({ data });
}
