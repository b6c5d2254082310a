/**
 * Builds the place catalog in config/geography/ from the official catalog files (names, codes and
 * memberships only — no figures). Run once when a catalog changes:
 *   npx tsx src/stats/geography/build-catalog.ts [DATA_DIR]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { PROJECT_ROOT } from '../../config/index.ts';

type Row = Record<string, string>;
const read = (dir: string, file: string): Row[] =>
  parse(readFileSync(join(dir, file), 'utf8'), { columns: true, skip_empty_lines: true, trim: true });

const dir = resolve(process.argv[2] ?? join(PROJECT_ROOT, '../shared/data'));
const out = join(PROJECT_ROOT, 'config/geography');

const municipalities = read(dir, 'inegi_ageeml_municipios_edomex.csv').map((r) => ({
  code: r.CVEGEO!,
  name: r.NOM_MUN!,
  seat: r.NOM_CAB!,
}));
municipalities.sort((a, b) => a.code.localeCompare(b.code));

const regionRows = read(dir, 'regions.csv');
const regions = new Map<number, { code: string; roman: string; name: string; members: string[] }>();
for (const r of regionRows) {
  const num = Number(r.region_num);
  const entry = regions.get(num) ?? {
    code: String(num),
    roman: r.region_roman!,
    name: r.region!.replace(/^[IVXL]+\s+/, ''),
    members: [],
  };
  entry.members.push(r.cve_mun!);
  regions.set(num, entry);
}

const zoneRows = read(dir, 'metro_zones.csv').filter((r) => r.delimitation_year === '2015');
const zones = new Map<string, { code: string; name: string; members: { code: string; type: string }[] }>();
for (const r of zoneRows) {
  const entry = zones.get(r.cve_zm!) ?? { code: r.cve_zm!, name: r.zone!, members: [] };
  entry.members.push({ code: r.cve_mun!, type: r.municipality_type! });
  zones.set(r.cve_zm!, entry);
}
// A zone that extends beyond the state is named as the state's part of it, with both member counts
// ("ZM del Valle de México, parte mexiquense (59 de 76 municipios)"), so no answer passes it off as the whole zone.
const zoneTotals = new Map<string, number>();
for (const r of read(dir, 'sedatu_conapo_inegi_zm2015_zonas_con_edomex.csv'))
  zoneTotals.set(r.CVE_ZM!, (zoneTotals.get(r.CVE_ZM!) ?? 0) + 1);
for (const z of zones.values()) {
  const total = zoneTotals.get(z.code) ?? z.members.length;
  if (total > z.members.length)
    z.name = `${z.name.replace(/^ZM /, 'ZM del ')}, parte mexiquense (${z.members.length} de ${total} municipios)`;
}

const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;
writeFileSync(
  join(out, 'municipalities.json'),
  json({
    state: { code: '15', name: 'Estado de México', officialName: 'México' },
    source: 'INEGI, Catálogo Único de Claves de Áreas Geoestadísticas (AGEEML), nivel municipal',
    municipalities,
  }),
);
writeFileSync(
  join(out, 'regions.json'),
  json({
    schemes: [
      {
        id: 'r2017',
        name: 'Regionalización 2017–2023',
        year: 2017,
        default: true,
        // How a region is named in answers (configuration, so the code holds no Spanish text).
        labelTemplate: 'Región {roman} {name}',
        source: 'Gobierno del Estado de México / COPLADEM, Programas Regionales 2017–2023',
        regions: [...regions.values()]
          .sort((a, b) => Number(a.code) - Number(b.code))
          .map((r) => ({ ...r, members: r.members.sort() })),
      },
    ],
  }),
);
writeFileSync(
  join(out, 'metro-zones.json'),
  json({
    delimitations: [
      {
        id: 'zm2015',
        name: 'Delimitación de las zonas metropolitanas de México 2015',
        year: 2015,
        default: true,
        source: 'SEDATU-CONAPO-INEGI',
        zones: [...zones.values()]
          .sort((a, b) => a.code.localeCompare(b.code))
          .map((z) => ({ ...z, members: z.members.sort((a, b) => a.code.localeCompare(b.code)) })),
      },
    ],
  }),
);
process.stdout.write(
  `Catálogo escrito en ${out}: ${municipalities.length} municipios, ${regions.size} regiones, ${zones.size} zonas metropolitanas.\n`,
);
