// Issue 16 finding 12: owner-only files under DATA_DIR, no-store on requester pages, CR/LF in
// `siguiente`, and no protocol-relative language link.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import { testApp } from '../../helpers/app.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';
import { processGroup, waitFor } from '../../helpers/processes.ts';
import { requestBody } from '../reliability/harness.ts';
import { Browser } from '../staff/staff-helpers.ts';

describe.each(testEngines())('response hardening on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: ReturnType<typeof testApp>['app'];
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    ({ app } = testApp(handle));
  });
  afterAll(() => handle.close());

  it('requester pages with personal data send Cache-Control: no-store', async () => {
    for (const path of ['/solicitud/nueva', '/mis-solicitudes', '/consulta', '/seguimiento/X/Y']) {
      const res = await app.request(path);
      expect([path, res.headers.get('cache-control') ?? '']).toEqual([
        path,
        expect.stringContaining('no-store'),
      ]);
    }
    // Public statistics stay cacheable.
    expect((await app.request('/datos')).headers.get('cache-control') ?? '').not.toContain('no-store');
  });

  it('CR/LF in the staff `siguiente` field is a 400, never a 500 or a split header', async () => {
    const b = new Browser(app);
    for (const path of ['/staff', '/staff/verificacion']) {
      const res = await b.post(path, {
        email: 'nadie@coespo.example',
        password: 'x',
        code: '123456',
        siguiente: '/staff/solicitudes\r\nSet-Cookie: dato_staff=robado',
      });
      expect([path, res.status]).toEqual([path, 400]);
      expect(res.headers.getSetCookie().join('\n')).not.toContain('robado');
    }
  });

  it('the language switch never links protocol-relative (//evil.example)', async () => {
    const res = await app.request('http://localhost//evil.example/x?lang=en');
    const html = await res.text();
    expect(html).toContain('lang="es-MX"');
    expect(html).not.toMatch(/href="\/\/|href="\/\\/);
  });
});

describe('files under DATA_DIR are owner-only (a real server process on PGlite)', () => {
  const group = processGroup();
  const dataDir = mkdtempSync(join(tmpdir(), 'dato-modes-'));
  const statsDir = mkdtempSync(join(tmpdir(), 'dato-modes-stats-'));
  afterAll(async () => {
    await group.killAll();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(statsDir, { recursive: true, force: true });
  });

  function walk(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = join(dir, e.name);
      return e.isDirectory() ? [p, ...walk(p)] : [p];
    });
  }

  it('DATA_DIR, PGlite files, keys and mail have no group or other permission bits', {
    timeout: 240_000,
  }, async () => {
    const server = await group.start({
      name: 'server',
      role: 'server',
      env: { DATA_DIR: join(dataDir, 'var'), STATS_DATA_DIR: statsDir, RATE_LIMIT_DISABLED: '1' },
      readyTimeoutMs: 150_000,
    });
    const res = await fetch(`${server.url}/api/v1/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(requestBody('modos', 1)),
    });
    expect(res.status).toBe(201);
    const mail = join(dataDir, 'var', 'mail');
    await waitFor('the acknowledgment .eml', () =>
      readdirSync(mail, { withFileTypes: true }).some((e) => e.name.endsWith('.eml')) ? true : undefined,
    );
    const paths = [join(dataDir, 'var'), ...walk(join(dataDir, 'var'))];
    expect(paths.some((p) => p.includes('pglite'))).toBe(true);
    const open = paths.filter((p) => (statSync(p).mode & 0o077) !== 0);
    expect(open.map((p) => `${p.slice(dataDir.length)} ${(statSync(p).mode & 0o777).toString(8)}`)).toEqual(
      [],
    );
  });
});
