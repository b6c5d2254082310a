import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requests } from '../../src/db/schema/index.ts';
import { aRequest } from '../helpers/factories.ts';
import { checkPage, chromiumAvailable, type OpenBrowser, openBrowser } from './helpers/browser.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

// Issue 19: after submitting, the status page shows the automatic answer arriving even without
// JavaScript: while the request is `received` a meta refresh (inside <noscript>) reloads it, and once
// the request has moved on the page no longer carries one, so it stops.
const TOKEN = 'seguimiento-navegador-sin-js-0123456789';
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

const available = chromiumAvailable();

describe.skipIf(!available)('the status page without JavaScript', () => {
  let server: TestServer;
  let browser: OpenBrowser;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await openBrowser({ javaScript: false });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Resolves at the page's next load of `url` that nobody asked for (the page reloading itself). */
  const nextReload = (page: Page, url: string) =>
    page.waitForResponse((r) => r.url() === url && r.request().resourceType() === 'document', {
      timeout: 30_000,
    });

  it('refreshes itself while received and stops once answered', { timeout: 180_000 }, async () => {
    const r = await aRequest(server.deps.db, {
      receivedAt: server.deps.clock.now(),
      trackingTokenHash: sha(TOKEN),
    });
    const url = `${server.url}/seguimiento/${r.folio}/${TOKEN}`;
    const page = await browser.newPage(375);
    await page.goto(url);
    // Without JavaScript the <noscript> content is parsed: the meta refresh is live in the document.
    expect(await page.locator('meta[http-equiv="refresh"]').count()).toBe(1);
    expect(await page.locator('script[src="/static/status-live.js"]').count()).toBe(1);
    expect(await page.getByRole('link', { name: /actualizar/i }).count()).toBe(1);
    await checkPage(page, 'estado-en-vivo-sin-js');

    // The page reloads by itself (nobody navigates).
    await nextReload(page, url);
    expect(await page.locator('meta[http-equiv="refresh"]').count()).toBe(1);

    // The answer arrives: the next reload shows it, with no meta refresh left to reload again.
    await server.deps.db.update(requests).set({ status: 'delivered' }).where(eq(requests.id, r.id));
    await nextReload(page, url);
    await page.waitForLoadState('domcontentloaded');
    expect(await page.locator('meta[http-equiv="refresh"]').count()).toBe(0);
    expect(await page.locator('#request-live').getAttribute('data-status')).toBe('delivered');
    expect(await page.locator('#request-live .inset').count()).toBe(0);
    await checkPage(page, 'estado-entregada-sin-js');
    await page.close();
  });

  it('«Dejar de actualizar» turns the refresh off', { timeout: 120_000 }, async () => {
    const token = `${TOKEN}-b`;
    const r = await aRequest(server.deps.db, {
      receivedAt: server.deps.clock.now(),
      trackingTokenHash: sha(token),
    });
    const page = await browser.newPage(375);
    await page.goto(`${server.url}/seguimiento/${r.folio}/${token}`);
    await Promise.all([
      page.waitForURL('**?actualizar=no'),
      page.getByRole('link', { name: /actualizar/i }).click(),
    ]);
    expect(await page.locator('meta[http-equiv="refresh"]').count()).toBe(0);
    expect(await page.locator('script[src="/static/status-live.js"]').count()).toBe(0);
    await page.close();
  });
});
