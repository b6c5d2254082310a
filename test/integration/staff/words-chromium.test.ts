import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../../../src/db/audit.ts';
import { SYSTEM } from '../../../src/domain/actor.ts';
import { polygonGeoId } from '../../../src/services/requests/request-input.ts';
import { addInternalNote } from '../../../src/services/staff/add-internal-note.ts';
import { assignRequest } from '../../../src/services/staff/assign-request.ts';
import { triageRequest } from '../../../src/services/staff/triage-request.ts';
import { createStatsEngine } from '../../../src/stats/engine.ts';
import { parseDataDir } from '../../../src/stats/import.ts';
import {
  axeViolations,
  chromiumAvailable,
  type OpenBrowser,
  openBrowser,
  screenshot,
} from '../../browser/helpers/browser.ts';
import { signInStaffInBrowser, startTestServer, type TestServer } from '../../browser/helpers/server.ts';
import { aRequest } from '../../helpers/factories.ts';
import { sharedDataDir } from '../../helpers/shared-data.ts';
import { aStaffUser } from './staff-helpers.ts';

const available = chromiumAvailable();
const dataDir = sharedDataDir();

const POLYGON = {
  type: 'Polygon' as const,
  coordinates: [
    [
      [-99.72, 19.24],
      [-99.58, 19.24],
      [-99.58, 19.31],
      [-99.72, 19.31],
      [-99.72, 19.24],
    ],
  ],
};

// The pages issue 15 puts into words, as a person sees them: axe-core finds nothing at desktop and
// phone widths, the polygon's map is drawn, and the destructive form looks different.
describe.skipIf(!available || !dataDir)('staff pages in words, in Chromium', () => {
  let server: TestServer;
  let browser: OpenBrowser;
  const folios: Record<string, string> = {};

  beforeAll(async () => {
    const stats = createStatsEngine();
    stats.load(parseDataDir(dataDir!));
    server = await startTestServer({ env: { STATS_DATA_DIR: dataDir! }, overrides: { stats } });
    const db = server.deps.db;
    folios.polygon = (
      await aRequest(db, { status: 'in_review', geo: polygonGeoId(POLYGON), geoGeojson: POLYGON })
    ).folio;
    folios.otro = (
      await aRequest(db, {
        indicators: [],
        otherText: 'Hablantes de lengua indígena por localidad y su grado de marginación',
        geo: 'region:13',
      })
    ).folio;
    folios.set = (await aRequest(db, { geo: 'set:15054,15106,15118', status: 'received' })).folio;
    await appendAudit(db, {
      actor: SYSTEM,
      action: 'request.sla_overdue',
      subject: folios.set,
      at: new Date(),
    });
    // A timeline with people on it.
    const clerk = await aStaffUser(server.deps, 'ventanilla', 'Rosa Ventanilla');
    const analyst = await aStaffUser(server.deps, 'tecnico', 'Iván Técnico');
    await triageRequest(server.deps, clerk.actor, { folio: folios.set });
    await assignRequest(server.deps, clerk.actor, { folio: folios.set, assigneeId: analyst.id });
    await addInternalNote(server.deps, analyst.actor, {
      folio: folios.set,
      note: 'Uso la población de 2020.',
    });
    browser = await openBrowser({ javaScript: false });
    await signInStaffInBrowser(server, browser, 'director', {
      email: 'lucia@coespo.example',
      name: 'Lucía Hernández',
    });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const width of [1280, 375]) {
    it(`queue, polygon request, "otro" request and audit at ${width} px: axe finds nothing`, async () => {
      const page = await browser.newPage(width);
      const visits: [string, string][] = [
        ['cola', '/staff/solicitudes?status=all'],
        ['poligono', `/staff/solicitudes/${folios.polygon}`],
        ['otro', `/staff/solicitudes/${folios.otro}`],
        ['historial', `/staff/solicitudes/${folios.set}`],
        ['bitacora', '/staff/auditoria'],
      ];
      for (const [name, path] of visits) {
        const res = await page.goto(`${server.url}${path}`);
        expect(res?.status(), path).toBe(200);
        await screenshot(page, `staff-palabras-${name}`);
        expect(await axeViolations(page), path).toEqual([]);
      }
      await page.goto(`${server.url}/staff/solicitudes/${folios.polygon}`);
      expect(await page.locator('svg.polygon-map path').count()).toBeGreaterThan(3);
      const reject = page.locator('form.action-form--danger button.button--warning');
      expect(await reject.count()).toBe(1);
      // GOV.UK's warning button: red, not the green of the positive actions.
      expect(await reject.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(179, 38, 30)');
      await page.close();
    }, 120_000);
  }
});
