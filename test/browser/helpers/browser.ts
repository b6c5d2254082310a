import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { PROJECT_ROOT } from '../../../src/config/index.ts';

/**
 * Browser tests: Debian's Chromium driven by playwright-core. Reuse:
 *   const { describeBrowser } = browserSuite();  describeBrowser('…', () => { … })
 *   const browser = await openBrowser({ javaScript: false });  const page = await browser.newPage();
 *   expect(await axeViolations(page)).toEqual([]);  await screenshot(page, 'paso-1');
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * True when Chromium is there. Missing: in CI (CI=true) that is a failure, never a skip; elsewhere the
 * suite is skipped with a loud message.
 */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI === 'true') {
    throw new Error(
      `CI: no está Chromium en ${CHROMIUM}; las pruebas de navegador no pueden omitirse (apt-get install -y chromium).`,
    );
  }
  console.warn(
    `\n!!! CHROMIUM AUSENTE (${CHROMIUM}): se OMITEN las pruebas de navegador. Instálalo con apt-get install -y chromium. !!!\n`,
  );
  return false;
}

// Contexts opened with JavaScript off cannot run axe (it needs timers): their pages are checked by a
// twin page with JavaScript on, served the very same HTML from the same address.
const axeTwins = new WeakMap<BrowserContext, () => Promise<Page>>();

export type OpenBrowser = {
  context: BrowserContext;
  newPage(width?: number): Promise<Page>;
  close(): Promise<void>;
};

/** A fresh Chromium with its own throw-away profile (--user-data-dir). */
export async function openBrowser(opts: { javaScript?: boolean } = {}): Promise<OpenBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'dato-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    javaScriptEnabled: opts.javaScript ?? true,
    locale: 'es-MX',
    viewport: { width: 1280, height: 900 },
  });
  let twin: OpenBrowser | undefined;
  let twinPage: Page | undefined;
  if (opts.javaScript === false) {
    axeTwins.set(context, async () => {
      twin ??= await openBrowser({ javaScript: true });
      twinPage ??= await twin.newPage();
      return twinPage;
    });
  }
  return {
    context,
    async newPage(width = 1280) {
      const page = await context.newPage();
      await page.setViewportSize({ width, height: 900 });
      return page;
    },
    async close() {
      await twin?.close();
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const AXE_SOURCE = readFileSync(resolve(PROJECT_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

export type AxeViolation = { id: string; impact: string | null; help: string; targets: string[] };

/**
 * axe-core's violations on the current page (WCAG 2.0, 2.1 and 2.2 A/AA rules and axe's best practices). Injected through the DevTools
 * protocol, so the page's CSP (no inline scripts) stays in force. Pages of a no-JavaScript context are checked in a twin page (same HTML, same address).
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const twinFor = axeTwins.get(page.context());
  if (twinFor) {
    const twin = await twinFor();
    const html = await page.content();
    const url = page.url();
    await twin.setViewportSize(page.viewportSize() ?? { width: 1280, height: 900 });
    await twin.route(url, (route) => route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }));
    await twin.goto(url);
    await twin.unroute(url);
    return axeViolations(twin);
  }
  const cdp = await page.context().newCDPSession(page);
  try {
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      expression: `${AXE_SOURCE};
        axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } })
          .then((r) => JSON.stringify(r.violations.map((v) => ({
            id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }))))`,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(`axe-core falló: ${exceptionDetails.text}`);
    return JSON.parse(result.value as string) as AxeViolation[];
  } finally {
    await cdp.detach();
  }
}

const SHOTS = resolve(PROJECT_ROOT, 'test-results/screenshots');

/** Full-page PNG under test-results/screenshots/ (git-ignored; CI keeps it as an artifact). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SHOTS, { recursive: true });
  const width = page.viewportSize()?.width ?? 0;
  const path = join(SHOTS, `${name}-${width}px.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

const WIDTHS = [375, 1280] as const;

/** Every page a browser test walks: no axe violations, one h1, and a screenshot at phone and desktop width. */
export async function checkPage(page: Page, name: string): Promise<void> {
  expect(await axeViolations(page), `axe en ${name}`).toEqual([]);
  expect(await page.locator('h1').count(), `un solo h1 en ${name}`).toBe(1);
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await screenshot(page, name);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}
