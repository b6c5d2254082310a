// Lighthouse 12 (default mobile profile, simulated throttling) on the public pages: home, the first
// form step, the status page and /estadisticas, served by `npm start` (PGlite, NODE_ENV=production) as
// a child process and loaded by Debian's chromium headless. Prints performance and accessibility
// scores and the JavaScript each page ships (bytes, and gzipped by us so the figure does not depend
// on whether a proxy compresses). Run alone: `npx tsx bench/lighthouse.ts`.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { PROJECT_ROOT } from '../src/config/index.ts';
import { startAppProcess } from '../test/helpers/processes.ts';
import { requestBody } from '../test/integration/reliability/harness.ts';
import { machine } from './support/machine.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

type PageRow = {
  name: string;
  path: string;
  performance: number;
  accessibility: number;
  scripts: string[];
  jsBytes: number;
  jsGzip: number;
  failedAudits: string[];
};

async function scriptSizes(urls: string[]): Promise<{ bytes: number; gzip: number }> {
  let bytes = 0;
  let gzip = 0;
  for (const u of urls) {
    const body = Buffer.from(await (await fetch(u)).arrayBuffer());
    bytes += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  return { bytes, gzip };
}

export async function benchLighthouse(): Promise<{
  rows: PageRow[];
  publicJs: { bytes: number; gzip: number };
}> {
  if (!existsSync(CHROMIUM)) throw new Error(`no chromium at ${CHROMIUM} (set CHROMIUM_PATH)`);
  const dataDir = mkdtempSync(join(tmpdir(), 'dato-bench-lh-'));
  const statsDir = mkdtempSync(join(tmpdir(), 'dato-bench-lh-stats-'));
  const server = await startAppProcess({
    name: 'server',
    role: 'server',
    env: {
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir,
      STATS_DATA_DIR: statsDir,
      RATE_LIMIT_DISABLED: '1',
    },
    readyTimeoutMs: 120_000,
  });
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const res = await fetch(`${server.url}/api/v1/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(requestBody('lighthouse', 1)),
    });
    const { folio, trackingToken } = (await res.json()) as { folio: string; trackingToken: string };
    const firstStep = (await fetch(`${server.url}/solicitud/nueva`, { redirect: 'manual' })).headers.get(
      'location',
    );
    const pages = [
      { name: 'Home', path: '/' },
      { name: 'Form step', path: firstStep ?? '/solicitud/nueva' },
      { name: 'Status page', path: `/seguimiento/${encodeURIComponent(folio)}/${trackingToken}` },
      { name: 'Statistics', path: '/estadisticas' },
    ];
    const rows: PageRow[] = [];
    const allScripts = new Set<string>();
    for (const p of pages) {
      const result = await lighthouse(`${server.url}${p.path}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility'],
      });
      if (!result) throw new Error(`lighthouse gave no result for ${p.path}`);
      const lhr = result.lhr;
      const requests =
        (
          lhr.audits['network-requests']?.details as
            | { items?: { url: string; resourceType?: string }[] }
            | undefined
        )?.items ?? [];
      const scripts = requests.filter((r) => r.resourceType === 'Script').map((r) => r.url);
      for (const s of scripts) allScripts.add(s);
      const sizes = await scriptSizes(scripts);
      const failedAudits = Object.values(lhr.audits)
        .filter(
          (a) =>
            a.score !== null &&
            a.score < 0.9 &&
            a.scoreDisplayMode !== 'informative' &&
            a.scoreDisplayMode !== 'manual',
        )
        .map((a) => a.id);
      rows.push({
        name: p.name,
        path: p.path.replace(trackingToken, '{token}'),
        performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
        accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
        scripts: scripts.map((s) => new URL(s).pathname),
        jsBytes: sizes.bytes,
        jsGzip: sizes.gzip,
        failedAudits,
      });
    }
    return { rows, publicJs: await scriptSizes([...allScripts]) };
  } finally {
    chrome.kill();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(statsDir, { recursive: true, force: true });
  }
}

/** Every script the public pages can load (the staff signing bundle is not public), gzipped. */
export function publicScripts(): { name: string; bytes: number; gzip: number }[] {
  const dir = join(PROJECT_ROOT, 'src/web/static');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js') && !f.startsWith('signing'))
    .map((f) => {
      const body = readFileSync(join(dir, f));
      return { name: f, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length };
    });
}

export function formatLighthouse(r: Awaited<ReturnType<typeof benchLighthouse>>): string {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  return [
    'Lighthouse 12.2.3, default (mobile) profile, simulated throttling; chromium headless --no-sandbox --disable-gpu --disable-background-networking.',
    '',
    '| Page | Path | Performance | Accessibility | Scripts | JS | JS gzipped | Audits below 0.9 |',
    '|---|---|---:|---:|---|---:|---:|---|',
    ...r.rows.map(
      (p) =>
        `| ${p.name} | \`${p.path}\` | ${p.performance} | ${p.accessibility} | ${p.scripts.join(', ') || '—'} | ${kb(p.jsBytes)} | ${kb(p.jsGzip)} | ${p.failedAudits.join(', ') || '—'} |`,
    ),
    '',
    `Public JavaScript over the four pages (distinct files): ${kb(r.publicJs.bytes)}, ${kb(r.publicJs.gzip)} gzipped.`,
    `Every public script (src/web/static/*.js except the staff signing bundle): ${publicScripts()
      .map((s) => `${s.name} ${kb(s.bytes)} (${kb(s.gzip)} gz)`)
      .join(', ')}; all together ${kb(publicScripts().reduce((a, s) => a + s.gzip, 0))} gzipped.`,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (!existsSync(CHROMIUM)) {
    process.stdout.write(
      `bench/lighthouse: omitido, no hay chromium en ${CHROMIUM} (define CHROMIUM_PATH)\n`,
    );
    process.exit(0);
  }
  const r = await benchLighthouse();
  process.stdout.write(`\n${machine()}\n\n${formatLighthouse(r)}\n`);
}
