import { describe, expect, it } from 'vitest';
import type { StatsData } from '../../../src/stats/engine.ts';
import { createStatsEngine } from '../../../src/stats/engine.ts';
import { parseDataset } from '../../../src/stats/import.ts';
import { parseCoordinate } from '../../../src/stats/importers/index.ts';

// Hand-made files in the official layouts (full ITER with locality positions, CONAPO IMU by AGEB) and
// two square "municipalities": no official data.
const ctx = { municipalities: new Set(['15001', '15002']) };
const file = (name: string, text: string) => ({ name, bytes: new Uint8Array(Buffer.from(text, 'utf8')) });

const iter = file(
  'conjunto_de_datos_iter_15CSV20.csv',
  [
    'ENTIDAD,NOM_ENT,MUN,NOM_MUN,LOC,NOM_LOC,LONGITUD,LATITUD,ALTITUD,POBTOT,POBFEM,POBMAS',
    '15,México,000,Total de la Entidad,0000,Total de la Entidad,,,,5000,2600,2400',
    '15,México,001,Uno,0000,Total del Municipio,,,,3000,1600,1400',
    `15,México,001,Uno,0001,Cabecera uno,"99°54'00.000"" W","19°54'00.000"" N",2500,2000,1000,1000`,
    `15,México,001,Uno,0002,Ranchería,"99°51'00.000"" W","19°51'00.000"" N",2500,1000,600,400`,
    '15,México,001,Uno,9998,Localidades de una vivienda,,,,*,*,*',
    '15,México,002,Dos,0000,Total del Municipio,,,,2000,1000,1000',
    `15,México,002,Dos,0001,Cabecera dos,"99°42'00.000"" W","19°54'00.000"" N",2500,2000,1000,1000`,
  ].join('\n'),
);
const imu = file(
  'conapo_imu_2020_agebs_urbanas_edomex.csv',
  [
    '"CVE_AGEB","ENT","MUN","LOC","AGEB","POB_TOTAL","IM_2020","GM_2020","IMN_2020"',
    '"1500100010010","15","001","0001","0010",1200,120.1,"Alto",0.9',
    '"150010001002A","15","001","0001","002A",800,125.1,"Muy bajo",0.95',
    '"1500100020015","15","001","0002","0015",500,119.0,"Muy alto",0.88',
    '"1500200010020","15","002","0001","0020",1900,126.0,"Bajo",0.96',
  ].join('\n'),
);
const square = (x0: number, y0: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [x0, y0],
      [x0 + 0.2, y0],
      [x0 + 0.2, y0 + 0.2],
      [x0, y0 + 0.2],
      [x0, y0],
    ],
  ],
});
const boundaries = [
  { code: '15001', geometry: square(-100.0, 19.8) },
  { code: '15002', geometry: square(-99.8, 19.8) },
];

function engine() {
  const data: StatsData = { datasets: [], facts: [], boundaries };
  for (const [id, files] of [
    ['censo2020_iter', [iter]],
    ['conapo_imu_ageb', [imu]],
  ] as const) {
    const parsed = parseDataset(id, [...files], ctx);
    data.datasets.push({
      ...parsed.info,
      facts: parsed.facts.length,
      importedAt: new Date('2026-11-25T12:00:00Z'),
    });
    data.facts.push(...parsed.facts);
  }
  return createStatsEngine({ data });
}

describe('polygon → urban AGEBs by the position of their locality (full ITER)', () => {
  it('reads INEGI degree-minute-second coordinates', () => {
    expect(parseCoordinate(`99°54'00.000" W`)).toBeCloseTo(-99.9, 9);
    expect(parseCoordinate(`19°51'36" N`)).toBeCloseTo(19.86, 9);
    expect(parseCoordinate('-99.25')).toBe(-99.25);
    expect(parseCoordinate('99 grados')).toBeNull();
  });

  it('uses the AGEBs of the localities inside the polygon, unweighted, and says so', () => {
    const stats = engine();
    // Around locality 15001-0001 only (99.9 W, 19.9 N), not 15001-0002 (99.85 W, 19.85 N).
    const polygon = square(-99.95, 19.87);
    const geo = stats.resolveGeo(polygon);
    expect(geo.units).toMatchObject({ agebMethod: 'locality_point', urbanAgebs: 2 });
    expect(geo.agebs).toEqual(['1500100010010', '150010001002A']);
    const urban = stats.value({ indicator: 'urban_population_indexed_agebs', geo: polygon });
    expect(urban.value).toBe(2000);
    const high = stats.value({ indicator: 'pct_urban_population_high_marginalization', geo: polygon });
    expect(high).toMatchObject({ numerator: 1200, denominator: 2000 });
    expect(urban.notes.join(' ')).toMatch(/2 AGEB urbanas de las localidades cuyo punto/);
    // Municipal indicators still use area shares.
    const pop = stats.value({ indicator: 'population_0_2', geo: polygon });
    expect(pop.notes.join(' ')).toMatch(/proporción de área/);
  });
});
