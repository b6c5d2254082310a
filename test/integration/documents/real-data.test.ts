import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import { answers } from '../../../src/db/schema/index.ts';
import { MAP_WIDTH_PX } from '../../../src/documents/map.ts';
import { pngSize } from '../../../src/documents/png.ts';
import { verifyPdfSignature } from '../../../src/documents/verify.ts';
import { SYSTEM } from '../../../src/domain/actor.ts';
import { buildAnswer } from '../../../src/services/answers/build-answer.ts';
import { signAnswer } from '../../../src/services/answers/sign-answer.ts';
import type { Deps } from '../../../src/services/deps.ts';
import { createStatsEngine } from '../../../src/stats/engine.ts';
import { parseDataDir } from '../../../src/stats/import.ts';
import { testConfig, testDeps } from '../../helpers/app.ts';
import { createTestDatabase } from '../../helpers/db.ts';
import { aRequest } from '../../helpers/factories.ts';
import { sharedDataDir } from '../../helpers/shared-data.ts';
import { hasPoppler, pdftotext } from '../../unit/documents/poppler.ts';

const dir = sharedDataDir();
const poppler = hasPoppler();

// One engine is enough here: the database part is covered in answers.test.ts; this is about the files.
describe.skipIf(!dir)('an answer from the official data (PGlite)', () => {
  let handle: DatabaseHandle;
  let deps: Deps;
  beforeAll(async () => {
    handle = await createTestDatabase('pglite');
    const stats = createStatsEngine();
    stats.load(parseDataDir(dir!));
    ({ deps } = testDeps(handle, { stats, config: testConfig({ STATS_DATA_DIR: dir! }) }));
  }, 120_000);
  afterAll(() => handle.close());

  it('a region: XLSX with the census figure, a municipal chart and map, and a signed oficio', async () => {
    const req = await aRequest(deps.db, {
      status: 'received',
      indicators: ['population_total', 'marginalization_index'],
      geo: 'region:6',
      years: [2020],
      formats: ['xlsx', 'csv', 'chart', 'map', 'oficio'],
    });
    const { files } = await buildAnswer(deps, { requestId: req.id }, SYSTEM);
    const kinds = files.map((f) => f.kind);
    expect(kinds).toContain('map');
    expect(kinds).toContain('chart');

    const expected = deps.stats.value({ indicator: 'population_total', geo: 'region:6', year: 2020 });
    expect(typeof expected.value).toBe('number');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      (await deps.documents.get(files.find((f) => f.kind === 'xlsx')!.sha256))! as unknown as ArrayBuffer,
    );
    // After the Léame sheet; the table's first figure under the title, source and header rows.
    const sheet = wb.worksheets[1]!;
    expect(sheet.getRow(4).getCell(4).value).toBe(expected.value);
    expect(wb.getWorksheet('Léame')).toBeDefined();

    const members = deps.stats.resolveGeo('region:6').members.length;
    const map = (await deps.documents.get(files.find((f) => f.kind === 'map')!.sha256))!;
    expect(pngSize(map).width).toBe(MAP_WIDTH_PX);
    expect(members).toBeGreaterThan(1);

    const signed = await signAnswer(deps, { requestId: req.id }, SYSTEM);
    const pdf = (await deps.documents.get(signed.sha256))!;
    expect(verifyPdfSignature(pdf).valid).toBe(true);
    const [answer] = await deps.db.select().from(answers).where(eq(answers.requestId, req.id));
    expect(answer!.status).toBe('signed');
    if (!poppler) return;
    expect(pdftotext(pdf)).toContain(new Intl.NumberFormat('es-MX').format(expected.value as number));
  }, 120_000);
});
