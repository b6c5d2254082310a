import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import { statsDatasets, statsFacts } from '../../../src/db/schema/index.ts';
import { createStatsEngine } from '../../../src/stats/engine.ts';
import { placeCatalog } from '../../../src/stats/geography/catalog.ts';
import { importDataDir } from '../../../src/stats/import.ts';
import { loadStatsData } from '../../../src/stats/repository.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';

const FILE = 'inegi_ageeml_municipios_edomex.csv';
const codes = placeCatalog().byLevel.mun.map((p) => p.members[0]!);

/** A hand-made AGEEML file in the official layout, with made-up figures for the 125 municipalities. */
function ageeml(opts: { badLastRow?: boolean; scale?: number } = {}): string {
  const head =
    'CVEGEO,CVE_ENT,NOM_ENT,NOM_ABR,CVE_MUN,NOM_MUN,CVE_CAB,NOM_CAB,POB_TOTAL,POB_MASCULINA,POB_FEMENINA,TOTAL DE VIVIENDAS HABITADAS';
  const rows = codes.map((code, i) => {
    const men = (i + 1) * 10 * (opts.scale ?? 1);
    const women = men + 1;
    const total = opts.badLastRow && i === codes.length - 1 ? men + women + 7 : men + women;
    return `${code},15,México,Méx.,${code.slice(2)},Municipio ${i},0001,Cabecera,${total},${men},${women},${i + 1}`;
  });
  return `${[head, ...rows].join('\n')}\n`;
}

describe.each(testEngines())('import-data on %s', (engine) => {
  let handle: DatabaseHandle;
  let dir: string;
  const now = () => new Date('2026-11-25T12:00:00Z');
  const factCount = async () =>
    (
      await handle.db
        .select({ n: sql<number>`count(*)::int` })
        .from(statsFacts)
        .where(eq(statsFacts.datasetId, 'ageeml_mun'))
    )[0]!.n;

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    dir = mkdtempSync(join(tmpdir(), 'stats-import-'));
  });
  afterAll(async () => {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a bad file → a clear Spanish error naming file, row and column, and no rows written', async () => {
    writeFileSync(join(dir, FILE), ageeml({ badLastRow: true }));
    const events = await importDataDir(handle.db, dir, { now, only: ['ageeml_mun'] });
    expect(events).toHaveLength(1);
    expect(events[0]!.status).toBe('failed');
    expect(events[0]!.error).toBe(
      `Archivo ${FILE}, renglón 126, columna POB_TOTAL: POB_MASCULINA + POB_FEMENINA = 2501, pero POB_TOTAL = 2508; el total no cuadra`,
    );
    expect(await factCount()).toBe(0);
    expect(await handle.db.select().from(statsDatasets)).toHaveLength(0);
  });

  it('imports a good file and records source, edition, checksum, rows and time', async () => {
    writeFileSync(join(dir, FILE), ageeml());
    const events = await importDataDir(handle.db, dir, { now, only: ['ageeml_mun'] });
    expect(events[0]).toMatchObject({ status: 'imported', rows: 125, facts: 250 });
    const [row] = await handle.db.select().from(statsDatasets);
    expect(row).toMatchObject({ id: 'ageeml_mun', source: 'INEGI', fileName: FILE, rows: 125, facts: 250 });
    expect(row!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.importedAt.toISOString()).toBe('2026-11-25T12:00:00.000Z');
    expect(await factCount()).toBe(250);
  });

  it('is idempotent: the same file again changes nothing', async () => {
    const events = await importDataDir(handle.db, dir, {
      now: () => new Date('2027-01-01T00:00:00Z'),
      only: ['ageeml_mun'],
    });
    expect(events[0]!.status).toBe('unchanged');
    const [row] = await handle.db.select().from(statsDatasets);
    expect(row!.importedAt.toISOString()).toBe('2026-11-25T12:00:00.000Z');
    expect(await factCount()).toBe(250);
  });

  it('a bad new version leaves the loaded dataset whole (one transaction per dataset)', async () => {
    const engineBefore = createStatsEngine({ data: await loadStatsData(handle.db) });
    const before = engineBefore.value({ indicator: 'occupied_dwellings', geo: 'state:15' }).value;
    writeFileSync(join(dir, FILE), ageeml({ badLastRow: true, scale: 2 }));
    const events = await importDataDir(handle.db, dir, { now, only: ['ageeml_mun'] });
    expect(events[0]!.status).toBe('failed');
    expect(await factCount()).toBe(250);
    const after = createStatsEngine({ data: await loadStatsData(handle.db) });
    expect(after.value({ indicator: 'occupied_dwellings', geo: 'state:15' }).value).toBe(before);
    expect(before).toBe((125 * 126) / 2);
  });

  it('reports datasets whose files are not in the directory as missing', async () => {
    const events = await importDataDir(handle.db, dir, { now, only: ['conapo_imm', 'censo2020_iter'] });
    expect(events.map((e) => e.status)).toEqual(['missing', 'missing']);
  });
});
