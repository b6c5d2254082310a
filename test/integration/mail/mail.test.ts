import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import { outboxJobs, sentMessages } from '../../../src/db/schema/index.ts';
import { mailSendHandler, messageIdFor } from '../../../src/jobs/handlers/mail-send.ts';
import { drainJobs, runDueJobs } from '../../../src/jobs/worker.ts';
import { MAIL_TEMPLATES, type MailTemplateName, renderMail } from '../../../src/mail/templates/index.ts';
import { createMailer } from '../../../src/mail/transport.ts';
import type { Deps } from '../../../src/services/deps.ts';
import { type AttachmentLoader, queueMail } from '../../../src/services/mail/send-queued-mail.ts';
import { testConfig, testDeps } from '../../helpers/app.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';
import { startSmtpSink } from './smtp-sink.ts';

const HOSTILE = '<script>alert("x")</script> & <b>negritas</b>';

const sample: { [N in MailTemplateName]: unknown } = {
  'request.acknowledgment': {
    folio: 'COESPO-2026-000123',
    receivedAt: '2026-11-23T16:00:00Z',
    dueAt: '2026-11-26T16:00:00Z',
    trackingUrl: 'https://datos.example.gob.mx/consulta?folio=COESPO-2026-000123',
    summary: `Población total de Toluca 2020 ${HOSTILE}`,
  },
  'request.clarification_requested': {
    folio: 'COESPO-2026-000123',
    question: `¿Qué años necesitas?\nIndica también ${HOSTILE}`,
    replyUrl: 'https://datos.example.gob.mx/aclarar/abc',
  },
  'request.status_changed': {
    folio: 'COESPO-2026-000123',
    status: 'in_review',
    message: HOSTILE,
    trackingUrl: 'https://datos.example.gob.mx/consulta',
  },
  'request.rejected': {
    folio: 'COESPO-2026-000123',
    reason: HOSTILE,
    trackingUrl: 'https://datos.example.gob.mx/consulta',
  },
  'request.delivered': {
    folio: 'COESPO-2026-000123',
    trackingUrl: 'https://datos.example.gob.mx/consulta',
    verificationUrl: 'https://datos.example.gob.mx/verificar/ABCD',
    documents: [{ name: `datos.xlsx ${HOSTILE}`, url: 'https://datos.example.gob.mx/d/1' }],
    attachDocumentIds: ['doc-oficio'],
  },
  'requester.sign_in_link': { link: 'https://datos.example.gob.mx/entrar/tok', expiresMinutes: 30 },
  'staff.alert_due_soon': {
    folio: 'COESPO-2026-000123',
    dueAt: '2026-11-26T16:00:00Z',
    staffUrl: 'https://datos.example.gob.mx/staff/solicitudes/COESPO-2026-000123',
  },
  'staff.alert_overdue': {
    folio: 'COESPO-2026-000123',
    dueAt: '2026-11-26T16:00:00Z',
    staffUrl: 'https://datos.example.gob.mx/staff/solicitudes/COESPO-2026-000123',
  },
  'staff.answer_ready_for_signature': {
    folio: 'COESPO-2026-000123',
    staffUrl: 'https://datos.example.gob.mx/staff/solicitudes/COESPO-2026-000123',
  },
  'privacy.arco_received': { code: 'ARCO-7Q2K', dueAt: '2026-12-22T16:00:00Z' },
  'privacy.arco_resolved': { code: 'ARCO-7Q2K', outcome: 'refused', reason: HOSTILE },
};

/** Queues `template` with its sample data (`data` overrides fields) to ana@example.org unless `to` says. */
function queueSample(
  deps: Deps,
  template: MailTemplateName,
  dedupeKey: string,
  opts: { to?: string; data?: Record<string, unknown> } = {},
) {
  return queueMail(deps.db, deps, {
    template,
    to: opts.to ?? 'ana@example.org',
    data: { ...(sample[template] as object), ...opts.data } as never,
    dedupeKey,
  });
}

describe('mail templates', () => {
  const agency = testConfig().agency;
  for (const name of Object.keys(MAIL_TEMPLATES) as MailTemplateName[]) {
    for (const locale of ['es-MX', 'en'] as const) {
      it(`${name} (${locale}) renders HTML and text with every placeholder filled and user text escaped`, async () => {
        const m = await renderMail(name, sample[name], locale, agency);
        for (const part of [m.subject, m.text, m.html]) expect(part).not.toMatch(/\{\w+\}/);
        expect(m.html).not.toContain('<script>');
        expect(m.html).not.toContain('<b>negritas');
        if (JSON.stringify(sample[name]).includes('<script>')) {
          expect(m.html).toContain('&lt;script&gt;');
          expect(m.text).toContain('<script>'); // plain text keeps it literal, harmless there
        }
        expect(m.html).toContain(`lang="${locale}"`);
      });
    }
  }

  it('writes Spanish by default and English on request', async () => {
    const es = await renderMail('request.acknowledgment', sample['request.acknowledgment'], 'es-MX', agency);
    const en = await renderMail('request.acknowledgment', sample['request.acknowledgment'], 'en', agency);
    expect(es.subject).toBe('Recibimos tu solicitud COESPO-2026-000123');
    expect(es.text).toContain('26 de noviembre de 2026');
    expect(en.subject).toBe('We received your request COESPO-2026-000123');
  });

  it('refuses data that breaks the contract, and javascript: links', async () => {
    await expect(renderMail('request.rejected', { folio: 'X' }, 'es-MX', agency)).rejects.toThrow(/reason/);
    await expect(
      renderMail(
        'requester.sign_in_link',
        { link: 'javascript:alert(1)', expiresMinutes: 5 },
        'es-MX',
        agency,
      ),
    ).rejects.toThrow(/link/);
    await expect(renderMail('no.such', {}, 'es-MX', agency)).rejects.toThrow(/desconocida/);
  });
});

const oficio: AttachmentLoader = async (id) =>
  id === 'doc-oficio'
    ? { filename: 'oficio.pdf', content: Buffer.from('%PDF-1.7 prueba'), contentType: 'application/pdf' }
    : null;

describe.each(testEngines())('mail.send over SMTP on %s', (engine) => {
  let handle: DatabaseHandle;
  let deps: Deps;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  const handlers = { 'mail.send': mailSendHandler({ loadAttachment: oficio }) };
  // Short back-off so an outage can end inside the test.
  const fast = { handlers, baseDelayMs: 20, maxDelayMs: 100, maxAttempts: 50 };

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    sink = await startSmtpSink();
    deps = testDeps(handle, { mailer: sink.mailer }).deps;
  });
  afterAll(async () => {
    await sink.close();
    await handle.close();
  });
  beforeEach(async () => {
    sink.received.length = 0;
    await deps.db.delete(outboxJobs);
    await deps.db.delete(sentMessages);
  });

  it('delivers an acknowledgment in Spanish with HTML + text, the derived Message-ID and a sent record', async () => {
    await queueSample(deps, 'request.acknowledgment', 'mail:request.acknowledgment:COESPO-2026-000123');
    await drainJobs(deps, fast);
    expect(sink.received).toHaveLength(1);
    const m = sink.received[0]!;
    expect(m.subject).toBe('Recibimos tu solicitud COESPO-2026-000123');
    expect(m.to && 'text' in m.to ? m.to.text : '').toBe('ana@example.org');
    expect(m.from?.text).toContain(deps.config.agency.emailFrom.match(/<(.+)>/)![1]);
    expect(m.text).toContain('COESPO-2026-000123');
    expect(m.html || '').toContain('&lt;script&gt;');
    const [job] = await deps.db.select().from(outboxJobs);
    expect(m.messageId).toBe(messageIdFor(job!, deps.config.agency.emailFrom));
    const sent = await deps.db.select().from(sentMessages);
    expect(sent).toMatchObject([{ messageId: m.messageId, jobId: job!.id, transport: 'smtp' }]);
  });

  it('attaches the oficio to the delivery e-mail and links the other files', async () => {
    await queueSample(deps, 'request.delivered', 'mail:request.delivered:COESPO-2026-000123');
    await drainJobs(deps, fast);
    const m = sink.received[0]!;
    expect(m.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['oficio.pdf', 'application/pdf'],
    ]);
    expect(m.attachments[0]!.content.toString()).toBe('%PDF-1.7 prueba');
    expect(m.html || '').toContain('href="https://datos.example.gob.mx/d/1"');
  });

  it('by default attaches the oficio from the document store, by its SHA-256', async () => {
    const pdf = Buffer.from('%PDF-1.7 oficio del almacén');
    const doc = await deps.documents.put(deps.db, pdf, 'application/pdf');
    await queueSample(deps, 'request.delivered', 'mail:request.delivered:store', {
      data: { attachDocumentIds: [doc.sha256] },
    });
    await drainJobs(deps, { ...fast, handlers: { 'mail.send': mailSendHandler() } });
    const [m] = sink.received;
    expect(m!.attachments.map((a) => a.filename)).toEqual(['oficio-COESPO-2026-000123.pdf']);
    expect(m!.attachments[0]!.content.equals(pdf)).toBe(true);
  });

  it('does not send twice when a job runs again after its send was recorded', async () => {
    await queueSample(deps, 'requester.sign_in_link', 'mail:requester.sign_in_link:1');
    await drainJobs(deps, fast);
    // As if the worker crashed after sending, before marking the job done.
    await deps.db.update(outboxJobs).set({ status: 'pending', runAt: new Date(Date.now() - 1) });
    expect(await drainJobs(deps, fast)).toBe(1);
    expect(sink.received).toHaveLength(1);
    expect((await deps.db.select().from(outboxJobs))[0]!.status).toBe('done');
  });

  it('SMTP down then back: every e-mail arrives, none twice', async () => {
    await sink.down();
    for (let i = 0; i < 5; i++) {
      await queueSample(
        deps,
        'request.status_changed',
        `mail:request.status_changed:COESPO-2026-00010${i}:1`,
        {
          to: `persona${i}@example.org`,
          data: { folio: `COESPO-2026-00010${i}` },
        },
      );
    }
    await runDueJobs(deps, fast);
    const failed = await deps.db.select().from(outboxJobs);
    expect(failed.every((j) => j.status === 'pending' && j.attempts === 1 && j.lastError)).toBe(true);
    expect(sink.received).toHaveLength(0);

    await sink.up();
    for (let round = 0; round < 100; round++) {
      await runDueJobs(deps, fast);
      const jobs = await deps.db.select().from(outboxJobs);
      if (jobs.every((j) => j.status === 'done')) break;
      await new Promise((r) => setTimeout(r, 30));
    }
    const jobs = await deps.db.select().from(outboxJobs);
    expect(jobs.map((j) => j.status)).toEqual(Array(5).fill('done'));
    expect(sink.received).toHaveLength(5);
    expect(new Set(sink.received.map((m) => m.messageId)).size).toBe(5);
    expect(new Set(sink.received.map((m) => (m.to && 'text' in m.to ? m.to.text : ''))).size).toBe(5);
  });

  it('two workers on one queue: each e-mail arrives exactly once', async () => {
    for (let i = 0; i < 30; i++) {
      await queueSample(deps, 'requester.sign_in_link', `mail:requester.sign_in_link:two:${i}`, {
        to: `persona${i}@example.org`,
      });
    }
    await Promise.all([
      drainJobs(deps, { ...fast, workerId: 'w1', batchSize: 3 }),
      drainJobs(deps, { ...fast, workerId: 'w2', batchSize: 3 }),
    ]);
    expect(sink.received).toHaveLength(30);
    expect(new Set(sink.received.map((m) => m.messageId)).size).toBe(30);
  });

  it('dead-letters a mail whose data breaks the template, without sending', async () => {
    await queueMail(deps.db, deps, {
      template: 'request.rejected',
      to: 'ana@example.org',
      data: { folio: 'X' } as never,
      dedupeKey: 'mail:request.rejected:X',
    });
    await drainJobs(deps, fast);
    const [job] = await deps.db.select().from(outboxJobs);
    expect(job).toMatchObject({ status: 'dead', attempts: 1 });
    expect(sink.received).toHaveLength(0);
  });
});

describe.each(testEngines())('development mailer (.eml files) on %s', (engine) => {
  let handle: DatabaseHandle;
  let dir: string;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    dir = mkdtempSync(join(tmpdir(), 'dato-mail-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await handle.close();
  });

  it('writes one parseable .eml per message, even if the job runs twice', async () => {
    const mailer = createMailer({ dataDir: dir });
    const { deps } = testDeps(handle, { mailer });
    await queueSample(deps, 'request.acknowledgment', 'mail:request.acknowledgment:eml');
    const handlers = { 'mail.send': mailSendHandler() };
    await drainJobs(deps, { handlers });
    await deps.db.delete(sentMessages); // even without the record, the same Message-ID → the same file
    await deps.db.update(outboxJobs).set({ status: 'pending', runAt: new Date(Date.now() - 1) });
    await drainJobs(deps, { handlers });
    const files = readdirSync(join(dir, 'mail')).filter((f) => f.endsWith('.eml'));
    expect(files).toHaveLength(1);
    const parsed = await simpleParser(readFileSync(join(dir, 'mail', files[0]!)));
    expect(parsed.subject).toBe('Recibimos tu solicitud COESPO-2026-000123');
    expect(parsed.text).toContain('Consultar mi solicitud');
  });
});
