import { createHash, randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asc } from 'drizzle-orm';
import { unzipSync, zipSync } from 'fflate';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type DatabaseHandle, type EngineKind, openDatabase } from '../../../src/db/client.ts';
import { fileDocumentStore } from '../../../src/db/document-store.ts';
import { runMigrations } from '../../../src/db/migrate.ts';
import { auditLog, requests, storedDocuments } from '../../../src/db/schema/index.ts';
import { documentAdapters } from '../../../src/documents/adapters.ts';
import { SYSTEM } from '../../../src/domain/actor.ts';
import { verifyAuditChain } from '../../../src/services/audit/verify-audit-chain.ts';
import { createBackup } from '../../../src/services/backup/create-backup.ts';
import { restoreBackup } from '../../../src/services/backup/restore-backup.ts';
import { fixedClock, testApp, testConfig, testDeps } from '../../helpers/app.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';
import { aDeliveredRequest } from '../../helpers/security.ts';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** An empty PostgreSQL database next to the test ones; dropped by the returned function. */
async function emptyPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const tmpl = inject('postgresTemplate')!;
  const name = `dato_restore_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: tmpl.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(tmpl.url);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const a = new pg.Client({ connectionString: tmpl.url });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

async function snapshot(handle: DatabaseHandle) {
  const reqs = await handle.db
    .select({ folio: requests.folio, status: requests.status, email: requests.requesterEmail })
    .from(requests)
    .orderBy(asc(requests.folio));
  const docs = await handle.db.select({ sha256: storedDocuments.sha256 }).from(storedDocuments);
  const audit = await handle.db.select({ id: auditLog.id }).from(auditLog);
  return { reqs, docs: docs.map((d) => d.sha256).sort(), auditRows: audit.length };
}

describe.each(testEngines())('backup and restore on %s', (engine: EngineKind) => {
  const root = mkdtempSync(join(tmpdir(), 'dato-backup-'));
  const source = join(root, 'origen');
  const archive = join(root, 'respaldo.zip');
  let before: Awaited<ReturnType<typeof snapshot>>;
  let sourceUrl: string | undefined;
  let sourceHandle: DatabaseHandle | undefined;

  beforeAll(async () => {
    // A real instance's layout: the database (PGlite in DATA_DIR/pglite) and documents in DATA_DIR.
    const handle =
      engine === 'pglite' ? await openDatabase({ dataDir: source }) : await createTestDatabase('postgres');
    if (engine === 'pglite') await runMigrations(handle);
    sourceUrl = handle.url;
    const config = testConfig({ RATE_LIMIT_DISABLED: '1' });
    const clock = fixedClock('2026-11-24T17:00:00Z');
    const { app, deps } = testApp(handle, {
      clock,
      config,
      documents: fileDocumentStore(join(source, 'documents')),
      ...documentAdapters({ config, dataDir: source }),
    });
    for (const name of ['Ana', 'Beto', 'Carla']) {
      const res = await app.request('/api/v1/requests', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          indicators: ['population_total'],
          geo: 'mun:15106',
          years: [2020],
          formats: ['xlsx'],
          purpose: `Investigación de ${name} sobre población`,
          requester: { name, email: `${name.toLowerCase()}@example.org`, sector: 'academia' },
          privacyConsent: true,
        }),
      });
      expect(res.status).toBe(201);
    }
    await aDeliveredRequest(deps, { email: 'dora@example.org', fileText: 'a,b\n1,2\n' });
    await aDeliveredRequest(deps, { email: 'eli@example.org', fileText: 'a,b\n3,4\n' });
    writeFileSync(join(source, 'secret.key'), 'secreto-de-prueba-0123456789-abcdefghij');
    mkdirSync(join(source, 'config', 'signers'), { recursive: true });
    writeFileSync(join(source, 'config', 'signers', 'seal.key'), 'clave privada');
    mkdirSync(join(source, 'staff-files', 'ab'), { recursive: true });
    writeFileSync(join(source, 'staff-files', 'ab', 'archivo'), 'archivo de trabajo');
    before = await snapshot(handle);
    expect(before.reqs.length).toBe(5);
    expect(before.docs.length).toBe(2);
    expect(before.auditRows).toBeGreaterThan(0);
    if (engine === 'pglite') await handle.close();
    else sourceHandle = handle;
    await createBackup({ dataDir: source, databaseUrl: sourceUrl, out: archive, now: clock.now() });
  });
  afterAll(async () => {
    await sourceHandle?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('the archive has a manifest with the SHA-256 of the database dump and of every document', () => {
    const files = unzipSync(new Uint8Array(readFileSync(archive)));
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as {
      engine: string;
      database: string;
      files: { path: string; sha256: string }[];
    };
    expect(manifest.engine).toBe(engine);
    for (const f of manifest.files) expect([f.path, sha(files[f.path]!)]).toEqual([f.path, f.sha256]);
    const paths = manifest.files.map((f) => f.path);
    expect(paths).toContain(manifest.database);
    for (const d of before.docs) expect(paths).toContain(`data/documents/${d.slice(0, 2)}/${d}`);
    expect(paths).toContain('data/staff-files/ab/archivo');
    // Secrets are backed up apart (key custody): never in a data backup.
    expect(paths.filter((p) => p.includes('secret.key') || p.includes('signers'))).toEqual([]);
  });

  it('a restored instance has the same requests, the same documents (same hashes) and an audit chain that verifies', async () => {
    const target = join(root, 'restaurado');
    const empty = engine === 'postgres' ? await emptyPostgresDatabase() : undefined;
    try {
      await restoreBackup({ file: archive, dataDir: target, databaseUrl: empty?.url });
      const handle = empty
        ? await openDatabase({ databaseUrl: empty.url })
        : await openDatabase({ dataDir: target });
      try {
        const after = await snapshot(handle);
        expect(after).toEqual(before);
        for (const d of after.docs) {
          const bytes = readFileSync(join(target, 'documents', d.slice(0, 2), d));
          expect(sha(bytes)).toBe(d);
        }
        const { deps } = testDeps(handle);
        const report = await verifyAuditChain(deps, SYSTEM);
        expect(report.firstBrokenId).toBeNull();
        expect(report.checked).toBe(before.auditRows);
        expect(readFileSync(join(target, 'staff-files', 'ab', 'archivo'), 'utf8')).toBe('archivo de trabajo');
        expect(existsSync(join(target, 'secret.key'))).toBe(false);
      } finally {
        await handle.close();
      }
    } finally {
      await empty?.drop();
    }
  });

  it('a damaged archive restores nothing, and a DATA_DIR that already has data is refused', async () => {
    const files = unzipSync(new Uint8Array(readFileSync(archive)));
    const doc = Object.keys(files).find((p) => p.startsWith('data/documents/'))!;
    files[doc] = new TextEncoder().encode('alterado');
    const damaged = join(root, 'alterado.zip');
    writeFileSync(damaged, zipSync(files));
    const target = join(root, 'intento');
    await expect(
      restoreBackup({ file: damaged, dataDir: target, databaseUrl: sourceUrl ? 'postgres://x' : undefined }),
    ).rejects.toMatchObject({
      messageKey: 'restore.err.hash_mismatch',
    });
    expect(existsSync(target) ? readdirSync(target) : []).toEqual([]);
    await expect(
      restoreBackup({ file: archive, dataDir: source, databaseUrl: sourceUrl }),
    ).rejects.toMatchObject({
      messageKey: 'restore.err.not_empty',
    });
    await expect(restoreBackup({ file: join(root, 'no-existe.zip'), dataDir: target })).rejects.toMatchObject(
      {
        messageKey: 'restore.err.unreadable',
      },
    );
  });
});
