// `kill -9` of the server (web + in-process worker) under a steady stream of submissions, on
// PostgreSQL: every 201 is stored with its folio, folios have no gaps, every job completes once.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { waitFor } from '../../helpers/processes.ts';
import { checkDelivery, NO_PROBLEMS, problems, processFixture, startLoad } from './harness.ts';

const tmpl = inject('postgresTemplate');
if (!tmpl)
  console.warn('OMITIDA reliability/crash-safety: sin TEST_DATABASE_URL (corre en CI con PostgreSQL)');

describe.skipIf(!tmpl)('crash safety: kill -9 of the server mid-load on PostgreSQL', () => {
  let fx: Awaited<ReturnType<typeof processFixture>>;
  beforeAll(async () => {
    fx = await processFixture(tmpl!);
  });
  afterAll(async () => {
    await fx?.close();
  });

  it('every 201 survives with its folio, no gaps, one acknowledgment per folio', {
    timeout: 90_000,
  }, async () => {
    const server = await fx.group.start({ name: 'server', role: 'server', env: fx.env() });
    const load = startLoad({ tag: 'crash', targets: () => [server.url], perSecond: 15 });
    try {
      await waitFor('30 accepted before the crash', () =>
        load.result.accepted.length >= 30 ? true : undefined,
      );
      await server.kill9();
      const atCrash = load.result.accepted.length;
      // Same port, same database: what a supervisor (systemd Restart=always) does.
      await fx.group.start({ name: 'server-restarted', role: 'server', env: fx.env(), port: server.port });
      await waitFor('30 accepted after the restart', () =>
        load.result.accepted.length >= atCrash + 30 ? true : undefined,
      );
    } finally {
      await load.stop();
    }
    const { result } = load;
    // The crash happened under load: some submissions got no answer at all.
    expect(result.networkErrors, fx.group.logTail()).toBeGreaterThan(0);
    expect(result.statuses, fx.group.errors()).toEqual({});

    const report = await checkDelivery(fx.db.url, result.accepted, fx.sink.received);
    expect(problems(report), fx.group.logTail()).toEqual(NO_PROBLEMS);
    expect(report.stored).toBeGreaterThanOrEqual(result.accepted.length);
    // Requests stored but never answered (the answer died with the server) are at most those in flight.
    expect(report.stored - result.accepted.length).toBeLessThanOrEqual(result.networkErrors);
  });
});
