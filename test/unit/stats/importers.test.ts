import { describe, expect, it } from 'vitest';
import type { DatasetId } from '../../../src/domain/indicators.ts';
import type { Fact } from '../../../src/stats/engine.ts';
import { parseDataset } from '../../../src/stats/import.ts';
import { ImportError } from '../../../src/stats/importers/csv.ts';

// Hand-made files in the official column layouts (no official data).
const ctx = { municipalities: new Set(['15001', '15002']) };
const utf8 = (name: string, text: string) => ({ name, bytes: new Uint8Array(Buffer.from(text, 'utf8')) });
const latin1 = (name: string, text: string) => ({ name, bytes: new Uint8Array(Buffer.from(text, 'latin1')) });
const fact = (facts: Fact[], variable: string, geo: string) =>
  facts.find((f) => f.variable === variable && f.geo === geo);

function parseError(id: DatasetId, files: { name: string; bytes: Uint8Array }[]): ImportError {
  try {
    parseDataset(id, files, ctx);
  } catch (err) {
    if (err instanceof ImportError) return err;
    throw err;
  }
  throw new Error('se esperaba un ImportError');
}

/** The full INEGI ITER 2020 layout: 286 columns, locality rows, totals at LOC=0000, entity at MUN=000. */
function iterFile(rows: string[][], encode = utf8) {
  const named = ['ENTIDAD', 'NOM_ENT', 'MUN', 'NOM_MUN', 'LOC', 'NOM_LOC', 'LONGITUD', 'LATITUD', 'ALTITUD'];
  const figures = ['POBTOT', 'POBFEM', 'POBMAS', 'P_0A2', 'P_60YMAS', 'PSINDER', 'TVIVPARHAB', 'VPH_INTER'];
  const filler = Array.from({ length: 286 - named.length - figures.length - 1 }, (_, i) => `VAR_${i}`);
  const header = [...named, ...figures, ...filler, 'TAMLOC'];
  expect(header).toHaveLength(286);
  const line = (r: string[]) => [...r, ...filler.map(() => '0'), '1'].map((v) => `"${v}"`).join(',');
  return encode(
    'conjunto_de_datos_iter_15CSV20.csv',
    `${header.join(',')}\r\n${rows.map(line).join('\r\n')}\r\n`,
  );
}

const ID = (mun: string, nomMun: string, loc: string, nomLoc: string) => [
  '15',
  'México',
  mun,
  nomMun,
  loc,
  nomLoc,
  '',
  '',
  '',
];

describe('ITER 2020 importer (full official layout)', () => {
  const rows = [
    [
      ...ID('000', 'Total de la Entidad', '0000', 'Total de la Entidad'),
      '300',
      '160',
      '140',
      '10',
      '30',
      '50',
      '80',
      '40',
    ],
    [
      ...ID('001', 'Acambay de Ruíz Castañeda', '0000', 'Total del Municipio'),
      '200',
      '110',
      '90',
      '*',
      '20',
      '30',
      '50',
      'N/D',
    ],
    [
      ...ID('001', 'Acambay de Ruíz Castañeda', '0001', 'Villa de Acambay'),
      '150',
      '80',
      '70',
      '5',
      '15',
      '20',
      '40',
      '20',
    ],
    [
      ...ID('001', 'Acambay de Ruíz Castañeda', '9998', 'Localidades de una vivienda'),
      '7',
      '*',
      '*',
      '*',
      '*',
      '*',
      '*',
      '*',
    ],
    [...ID('002', 'Acolman', '0000', 'Total del Municipio'), '100', '50', '50', '4', '10', '20', '30', '20'],
  ];

  it('keeps municipal totals (LOC=0000) and the entity total, and marks * and N/D (never 0)', () => {
    for (const encode of [utf8, latin1]) {
      const parsed = parseDataset('censo2020_iter', [iterFile(rows, encode)], ctx);
      expect(parsed.info.rows).toBe(3);
      expect(fact(parsed.facts, 'iter.POBTOT', '15001')?.value).toBe(200);
      expect(fact(parsed.facts, 'iter.POBTOT', '15')?.value).toBe(300);
      expect(fact(parsed.facts, 'iter.P_0A2', '15001')).toMatchObject({ value: null, status: 'suppressed' });
      expect(fact(parsed.facts, 'iter.VPH_INTER', '15001')).toMatchObject({
        value: null,
        status: 'not_available',
      });
      // Locality rows are not municipal figures.
      expect(
        parsed.facts
          .filter((f) => f.variable === 'iter.POBTOT')
          .map((f) => f.geo)
          .sort(),
      ).toEqual(['15', '15001', '15002']);
      expect(parsed.info.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('reads a UTF-8 file with a byte-order mark', () => {
    const file = iterFile(rows);
    const bom = { name: file.name, bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...file.bytes]) };
    expect(fact(parseDataset('censo2020_iter', [bom], ctx).facts, 'iter.POBTOT', '15002')?.value).toBe(100);
  });

  it('names file, row and column when women + men do not add up', () => {
    const bad = rows.map((r) => [...r]);
    bad[4]![10] = '51';
    const err = parseError('censo2020_iter', [iterFile(bad)]);
    expect(err.file).toBe('conjunto_de_datos_iter_15CSV20.csv');
    expect(err.row).toBe(6);
    expect(err.column).toBe('POBTOT');
    expect(err.message).toContain('conjunto_de_datos_iter_15CSV20.csv');
    expect(err.message).toContain('renglón 6');
  });

  it('rejects a non-numeric figure and an unknown municipality', () => {
    const text = rows.map((r) => [...r]);
    text[1]![12] = 'doce';
    expect(parseError('censo2020_iter', [iterFile(text)]).column).toBe('P_0A2');
    const unknown = rows.map((r) => [...r]);
    unknown[4]![2] = '200';
    expect(parseError('censo2020_iter', [iterFile(unknown)]).message).toMatch(/municipio desconocida «200»/);
  });

  it('fails when a municipality is missing or a required column is absent', () => {
    expect(parseError('censo2020_iter', [iterFile(rows.slice(0, 4))]).message).toMatch(
      /faltan 1 municipios: 15002/,
    );
    const noFem = utf8('ITER_15CSV20.csv', 'ENTIDAD,MUN,LOC,POBTOT,POBMAS\n15,001,0000,1,1\n');
    expect(parseError('censo2020_iter', [noFem]).message).toMatch(/POBFEM/);
  });
});

describe('ITER staged subset layout', () => {
  it('reads CVEGEO rows and skips derived (_%) and truncated columns', () => {
    const text = [
      'CVEGEO,ENTIDAD,NOM_ENT,MUN,NOM_MUN,POBTOT,POBFEM,POBMAS,PROM_OCUP,POBFEM_%',
      '15001,15,México,1,Acambay,200,110,90,3,55.0',
      '15002,15,México,2,Acolman,100,50,50,4,50.0',
    ].join('\n');
    const parsed = parseDataset(
      'censo2020_iter',
      [utf8('censo2020_iter_municipal_subset_edomex.csv', text)],
      ctx,
    );
    expect(new Set(parsed.facts.map((f) => f.variable))).toEqual(
      new Set(['iter.POBTOT', 'iter.POBFEM', 'iter.POBMAS']),
    );
  });
});

describe('CONAPO marginalization importers', () => {
  const imm = (year: number, grade = 'Alto') =>
    utf8(
      `conapo_imm_${year}_edomex.csv`,
      [
        `"CVE_ENT","NOM_ENT","CVE_MUN","NOM_MUN","POB_TOT","ANALF","SBASC","OVSDE","OVSEE","OVSAE","OVPT","VHAC","PL.5000","PO2SM","IM_${year}","GM_${year}","IMN_${year}"`,
        `"15","México","15001","Acambay",60918,13.3,53.8,30.6,4.1,18.8,5.7,48.0,100,61.2,29.24,"${grade}",0.71`,
        `"15","México","15002","Acolman",136558,2.9,32.6,0.4,0.3,20.1,3.8,43.7,13.2,31.2,35.97,"Muy bajo",0.87`,
      ].join('\n'),
    );

  it('reads each edition, with the year from the IM_<year> column and the grade as text', () => {
    const parsed = parseDataset('conapo_imm', [imm(2010), imm(2020)], ctx);
    expect(fact(parsed.facts, 'imm.GM', '15001')).toMatchObject({ text: 'Alto', year: 2010 });
    expect(
      parsed.facts
        .filter((f) => f.variable === 'imm.IM')
        .map((f) => f.year)
        .sort(),
    ).toEqual([2010, 2010, 2020, 2020]);
  });

  it('rejects an unknown grade, naming the column', () => {
    const err = parseError('conapo_imm', [imm(2015, 'Altísimo')]);
    expect([err.file, err.row, err.column]).toEqual(['conapo_imm_2015_edomex.csv', 2, 'GM_2015']);
  });
});

describe('tabulados with footnotes (Encuesta Intercensal 2015)', () => {
  it('reads the Valor estimator by age group and sex and ignores the notes at the end', () => {
    const text = [
      'entidad,municipio,grupo_quinquenal_edad,estimador,poblacion_total,hombres,mujeres',
      '15 México,Total,Total,Valor,30,14,16',
      '15 México,Total,00-04 años,Valor,10,5,5',
      '15 México,Total,00-04 años,Error estándar,1.5,1.1,1.2',
      '15 México,001 Acambay de Ruíz Castañeda *,75 años y más,Valor,20,9,11',
      'Nota: Los límites de confianza se calculan al 90 por ciento.,,,,,,',
    ].join('\n');
    const parsed = parseDataset('eic2015_age_sex', [utf8('eic.csv', text)], ctx);
    expect(fact(parsed.facts, 'eic2015.h_00-04', '15')?.value).toBe(5);
    expect(fact(parsed.facts, 'eic2015.m_75+', '15001')?.value).toBe(11);
    expect(parsed.facts.some((f) => f.value === 1.1)).toBe(false);
  });
});

describe('population series (long format)', () => {
  it('years before a municipality existed are "did not exist", not missing figures', () => {
    const text = [
      'cve_mun,nom_mun,anio,pob_total,hombres,mujeres,fuente',
      '15001,Acambay,1990,100,50,50,Censo 1990',
      '15001,Acambay,2000,90,45,45,Censo 2000',
      '15002,Acolman,1990,,,,Censo 1990',
      '15002,Acolman,2000,30,15,15,Censo 2000',
      '15002,Acolman,2010,,,,Censo 2010',
    ].join('\n');
    const facts = parseDataset('population_series', [utf8('series.csv', text)], ctx).facts;
    const status = (geo: string, year: number) =>
      facts.find((f) => f.variable === 'series.pob_total' && f.geo === geo && f.year === year)?.status;
    expect(status('15002', 1990)).toBe('not_applicable');
    // A gap after the municipality existed is a missing figure.
    expect(status('15002', 2010)).toBe('not_available');
    expect(status('15001', 1990)).toBe('ok');
  });
});
