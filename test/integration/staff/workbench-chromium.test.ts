import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAnswerAnnex } from '../../../src/services/answers/add-answer-annex.ts';
import { saveAnswerDraft } from '../../../src/services/answers/save-answer-draft.ts';
import { returnForChanges } from '../../../src/services/staff/return-for-changes.ts';
import { submitForApproval } from '../../../src/services/staff/submit-for-approval.ts';
import { STAFF_COOKIE } from '../../../src/web/staff/auth.ts';
import {
  axeViolations,
  chromiumAvailable,
  type OpenBrowser,
  openBrowser,
  screenshot,
} from '../../browser/helpers/browser.ts';
import { startTestServer, type TestServer } from '../../browser/helpers/server.ts';
import { aRequest } from '../../helpers/factories.ts';
import { aStaffSession } from '../../helpers/staff-session.ts';
import { workbenchStats } from './workbench-helpers.ts';

const available = chromiumAvailable();

describe.skipIf(!available)('answer workbench in Chromium', () => {
  let server: TestServer;
  let browser: OpenBrowser;
  let folio: string;

  beforeAll(async () => {
    server = await startTestServer({ overrides: { stats: workbenchStats() } });
    const deps = server.deps;
    const tecnico = await aStaffSession(deps.db, 'tecnico', {
      email: 'ana@coespo.example',
      name: 'Ana Pérez',
    });
    const director = await aStaffSession(deps.db, 'director', {
      email: 'dir@coespo.example',
      name: 'Lucía Hernández',
    });
    const actor = (u: typeof tecnico.user) =>
      ({ type: 'staff', id: u.id, role: u.role, name: u.name, email: u.email }) as const;
    const req = await aRequest(deps.db, {
      status: 'in_preparation',
      assigneeId: tecnico.user.id,
      indicators: [],
      otherText: 'Población de Toluca, Metepec y Zinacantepec desde 2000',
      geo: 'set:15054,15106',
    });
    folio = req.folio;
    const draft = {
      folio,
      indicators: ['population_total', 'pct_female'],
      places: ['mun:15106', 'mun:15054', 'mun:15118'],
      years: '2000, 2010, 2020',
      formats: ['xlsx', 'zip'],
      explanation: 'Se comparan los tres municipios con los censos del INEGI.',
    };
    await saveAnswerDraft(deps, actor(tecnico.user), draft);
    await addAnswerAnnex(deps, actor(tecnico.user), {
      folio,
      name: 'tabulado-especial-con-un-nombre-largo.csv',
      bytes: new TextEncoder().encode('municipio,viviendas\nToluca,250000\n'),
    });
    await submitForApproval(deps, actor(tecnico.user), { folio });
    await returnForChanges(deps, actor(director.user), {
      folio,
      comments: 'Agrega una nota sobre el año 2015.',
    });
    browser = await openBrowser();
    await browser.context.addCookies([
      { name: STAFF_COOKIE, value: tecnico.token, url: `${server.url}/staff` },
    ]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const width of [1280, 375]) {
    it(`is accessible and fits at ${width} px`, async () => {
      const page = await browser.newPage(width);
      await page.goto(`${server.url}/staff/solicitudes/${folio}/respuesta`);
      expect(await page.locator('h1').count()).toBe(1);
      expect(await page.locator('text=Agrega una nota sobre el año 2015.').count()).toBe(1);
      expect(await page.locator('text=tabulado-especial-con-un-nombre-largo.csv').count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(page, 'workbench');
      // The page is long (every municipality); to look at its parts: WORKBENCH_SHOTS=dir.
      const dir = process.env.WORKBENCH_SHOTS;
      if (dir) {
        await page.screenshot({ path: `${dir}/top-${width}.png` });
        for (const id of ['preview-title', 'annexes-title', 'comments-title'])
          await page
            .locator(`section[aria-labelledby=${id}]`)
            .screenshot({ path: `${dir}/${id}-${width}.png` });
      }
      await page.close();
    });
  }

  it('the list filter narrows the municipalities; saving re-renders the preview', async () => {
    const page = await browser.newPage(375);
    await page.goto(`${server.url}/staff/solicitudes/${folio}/respuesta`);
    await page.fill('#choice-filter-input', 'zinac');
    expect(await page.locator('.choice:visible >> text=Zinacantepec').count()).toBe(1);
    expect(await page.locator('.choice:visible >> text=Tonanitla').count()).toBe(0);
    await page.fill('#f-limitations', 'Las cifras de 2005 y 2015 provienen de conteos y encuestas.');
    await page.click('button:has-text("Guardar el borrador")');
    await page.waitForURL(/guardado=3/);
    expect(await page.locator('.inset', { hasText: 'provienen de conteos' }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
