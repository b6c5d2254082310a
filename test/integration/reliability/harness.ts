// Shared by the reliability tests and bench/reliability.ts: a steady stream of POST /api/v1/requests
// against child processes, and the checks that nothing accepted was lost or done twice.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ParsedMail } from 'mailparser';
import pg from 'pg';
import { processGroup, scratchPostgres, waitFor } from '../../helpers/processes.ts';
import { startSmtpSink } from '../mail/smtp-sink.ts';

export type Accepted = { folio: string; token: string; email: string };

export type LoadResult = {
  accepted: Accepted[];
  /** Connection refused/reset or timed out: the client cannot know whether the request was stored. */
  networkErrors: number;
  /** Any HTTP status other than 201, by status. */
  statuses: Record<string, number>;
  sent: number;
};

/** A valid API body; each one has its own address so the duplicate guard never fires. */
export function requestBody(tag: string, i: number) {
  return {
    indicators: ['population_total'],
    geo: 'mun:15106',
    years: [2020],
    formats: ['xlsx', 'csv'],
    purpose: `Prueba de confiabilidad ${tag} ${i}`,
    requester: { name: `Persona ${i}`, email: `${tag}-${i}@example.org`, sector: 'academia' },
    privacyConsent: true,
  };
}

/**
 * POSTs at a steady `perSecond` (each request on its own, not waiting for the previous one) to the
 * base URLs `targets()` names, round robin, until `stop()` or `max` were sent. `result` fills as
 * answers come in, so a test can act on it mid-load.
 */
export function startLoad(opts: {
  tag: string;
  targets: () => string[];
  perSecond: number;
  max?: number;
  timeoutMs?: number;
}): { result: LoadResult; stop(): Promise<LoadResult>; finished(): Promise<LoadResult> } {
  const result: LoadResult = { accepted: [], networkErrors: 0, statuses: {}, sent: 0 };
  const inFlight: Promise<void>[] = [];
  let stopped = false;
  const max = opts.max ?? Number.POSITIVE_INFINITY;
  const loop = (async () => {
    const started = Date.now();
    for (let i = 0; i < max && !stopped; i++) {
      const wait = started + (i * 1000) / opts.perSecond - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      if (stopped) break;
      const targets = opts.targets();
      const base = targets[i % targets.length]!;
      const body = requestBody(opts.tag, i);
      result.sent++;
      inFlight.push(
        fetch(`${base}/api/v1/requests`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(opts.timeoutMs ?? 20_000),
        }).then(
          async (res) => {
            if (res.status === 201) {
              const json = (await res.json()) as { folio: string; trackingToken: string };
              result.accepted.push({
                folio: json.folio,
                token: json.trackingToken,
                email: body.requester.email,
              });
            } else {
              await res.body?.cancel();
              result.statuses[res.status] = (result.statuses[res.status] ?? 0) + 1;
            }
          },
          () => {
            result.networkErrors++;
          },
        ),
      );
    }
  })();
  const finished = async () => {
    await loop;
    await Promise.all(inFlight);
    return result;
  };
  return {
    result,
    finished,
    stop() {
      stopped = true;
      return finished();
    },
  };
}

export type DeliveryReport = {
  /** Requests stored (includes those whose 201 the client never heard because the server died). */
  stored: number;
  /** Folios answered 201 but not in the database. */
  lostAccepted: string[];
  duplicateFolios: string[];
  /** Sequence numbers missing between 1 and the highest folio. */
  gaps: number[];
  /** Acknowledgment and auto-answer jobs not `done`, by status. */
  jobsNotDone: Record<string, number>;
  /** Folios without an acknowledgment e-mail in the sink / with two distinct ones. */
  mailsMissing: string[];
  mailsDoubled: string[];
  /** The same Message-ID delivered again (SMTP accepted, crash before the send was recorded). */
  redeliveries: number;
  /** Requests whose automatic-answer note was written more than once. */
  autoAnswerTwice: string[];
};

const seqOf = (folio: string) => Number(folio.split('-').at(-1));

async function query<T>(url: string, text: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text)).rows as T[];
  } finally {
    await c.end();
  }
}

function toAddress(m: ParsedMail): string {
  const to = Array.isArray(m.to) ? m.to[0] : m.to;
  return to?.value[0]?.address ?? '';
}

/** Every job of the stored requests settled (or `timeoutMs` passed): then compares the three records. */
export async function checkDelivery(
  databaseUrl: string,
  accepted: Accepted[],
  received: ParsedMail[],
  { timeoutMs = 40_000 }: { timeoutMs?: number } = {},
): Promise<DeliveryReport> {
  const jobsLeft = () =>
    query<{ status: string; n: string }>(
      databaseUrl,
      `SELECT status, count(*) AS n FROM outbox_jobs
       WHERE (dedupe_key LIKE 'mail:request.acknowledgment:%' OR dedupe_key LIKE 'auto_answer:%')
         AND status <> 'done' GROUP BY status`,
    );
  const stored = await query<{ folio: string; email: string; id: string }>(
    databaseUrl,
    'SELECT folio, requester_email AS email, id FROM requests',
  );
  // Settled jobs, then the e-mails the last of them sent: poll with a deadline, never a fixed sleep.
  await waitFor('outbox jobs to settle', async () => ((await jobsLeft()).length === 0 ? true : undefined), {
    timeoutMs,
    everyMs: 250,
  }).catch(() => undefined);
  const ackCount = () => new Set(received.map((m) => m.messageId)).size;
  await waitFor('acknowledgments in the SMTP sink', () => (ackCount() >= stored.length ? true : undefined), {
    timeoutMs: 5_000,
  }).catch(() => undefined);

  const jobsNotDone = Object.fromEntries((await jobsLeft()).map((r) => [r.status, Number(r.n)]));
  const byFolio = new Map(stored.map((r) => [r.folio, r]));
  const folios = stored.map((r) => r.folio);
  const seqs = new Set(folios.map(seqOf));
  const maxSeq = Math.max(0, ...seqs);
  const gaps: number[] = [];
  for (let s = 1; s <= maxSeq; s++) if (!seqs.has(s)) gaps.push(s);

  const idsByAddress = new Map<string, string[]>();
  for (const m of received) {
    const list = idsByAddress.get(toAddress(m)) ?? [];
    list.push(m.messageId ?? '');
    idsByAddress.set(toAddress(m), list);
  }
  const mailsMissing: string[] = [];
  const mailsDoubled: string[] = [];
  let redeliveries = 0;
  for (const r of stored) {
    const ids = idsByAddress.get(r.email) ?? [];
    const distinct = new Set(ids).size;
    if (distinct === 0) mailsMissing.push(r.folio);
    if (distinct > 1) mailsDoubled.push(r.folio);
    redeliveries += ids.length - distinct;
  }
  const notes = await query<{ folio: string; n: string }>(
    databaseUrl,
    `SELECT r.folio, count(*) AS n FROM request_events e JOIN requests r ON r.id = e.request_id
     WHERE e.action = 'auto_answer.declined' GROUP BY r.folio HAVING count(*) > 1`,
  );
  return {
    stored: stored.length,
    lostAccepted: accepted.filter((a) => !byFolio.has(a.folio)).map((a) => a.folio),
    duplicateFolios: folios.filter((f, i) => folios.indexOf(f) !== i),
    gaps,
    jobsNotDone,
    mailsMissing,
    mailsDoubled,
    redeliveries,
    autoAnswerTwice: notes.map((n) => n.folio),
  };
}

/** The part of the report that must be empty. */
export function problems(r: DeliveryReport) {
  return {
    lostAccepted: r.lostAccepted,
    duplicateFolios: r.duplicateFolios,
    gaps: r.gaps,
    jobsNotDone: r.jobsNotDone,
    mailsMissing: r.mailsMissing,
    mailsDoubled: r.mailsDoubled,
    autoAnswerTwice: r.autoAnswerTwice,
  };
}

export const NO_PROBLEMS = {
  lostAccepted: [],
  duplicateFolios: [],
  gaps: [],
  jobsNotDone: {},
  mailsMissing: [],
  mailsDoubled: [],
  autoAnswerTwice: [],
};

/**
 * What every multi-process test needs: a PostgreSQL database cloned from the run's migrated template
 * (named so the global teardown drops it if we do not), an SMTP sink, one DATA_DIR the processes share
 * (secret, development seal, documents) and an empty statistics folder (no background import).
 */
export async function processFixture(tmpl: { url: string; template?: string }) {
  // Without a template (the benchmarks) the first process migrates the empty database.
  const db = await scratchPostgres(
    tmpl.url,
    tmpl.template
      ? { prefix: `dato_t_${tmpl.template.replace('dato_tmpl_', '')}`, template: tmpl.template }
      : { prefix: `dato_bench_rel_${process.pid}` },
  );
  const sink = await startSmtpSink();
  const dataDir = mkdtempSync(join(tmpdir(), 'dato-rel-'));
  const statsDir = mkdtempSync(join(tmpdir(), 'dato-rel-stats-'));
  const group = processGroup();
  const env = (extra: Record<string, string> = {}) => ({
    DATABASE_URL: db.url,
    DATA_DIR: dataDir,
    STATS_DATA_DIR: statsDir,
    SMTP_URL: sink.url,
    RATE_LIMIT_DISABLED: '1',
    SESSION_SECRET: 'reliability-secret-reliability-secret-0123456789',
    ...extra,
  });
  return {
    db,
    sink,
    group,
    env,
    async close() {
      await group.killAll();
      await sink.close();
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(statsDir, { recursive: true, force: true });
    },
  };
}
