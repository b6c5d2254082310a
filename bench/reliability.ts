// The long variant of test/integration/reliability/crash-safety.test.ts: a steady stream of
// submissions to `npm start` on PostgreSQL, `kill -9` of the server several times, each time
// restarted on the same port; then every 201 is looked for, folios for gaps, and acknowledgments
// counted in an SMTP sink. Needs BENCH_DATABASE_URL or TEST_DATABASE_URL.
// Run alone: `npx tsx bench/reliability.ts [crashes] [perSecond]`; `npm run bench -- reliability`.
import { pathToFileURL } from 'node:url';
import type { AppProcess } from '../test/helpers/processes.ts';
import { waitFor } from '../test/helpers/processes.ts';
import { checkDelivery, processFixture, startLoad } from '../test/integration/reliability/harness.ts';
import { machine } from './support/machine.ts';

export async function benchCrashes(baseUrl: string, crashes = 3, perSecond = 20) {
  const fx = await processFixture({ url: baseUrl });
  try {
    let server: AppProcess = await fx.group.start({
      name: 'server-0',
      role: 'server',
      env: fx.env(),
      readyTimeoutMs: 120_000,
    });
    const load = startLoad({ tag: 'bench-crash', targets: () => [server.url], perSecond });
    const downtimesMs: number[] = [];
    try {
      for (let i = 1; i <= crashes; i++) {
        const target = load.result.accepted.length + 5 * perSecond;
        await waitFor(
          'accepted submissions',
          () => (load.result.accepted.length >= target ? true : undefined),
          {
            timeoutMs: 120_000,
          },
        );
        const killedAt = performance.now();
        await server.kill9();
        server = await fx.group.start({
          name: `server-${i}`,
          role: 'server',
          env: fx.env(),
          port: server.port,
          readyTimeoutMs: 120_000,
        });
        downtimesMs.push(performance.now() - killedAt);
      }
      const target = load.result.accepted.length + 5 * perSecond;
      await waitFor(
        'accepted after the last restart',
        () => (load.result.accepted.length >= target ? true : undefined),
        {
          timeoutMs: 120_000,
        },
      );
    } finally {
      await load.stop();
    }
    const report = await checkDelivery(fx.db.url, load.result.accepted, fx.sink.received, {
      timeoutMs: 120_000,
    });
    return { crashes, perSecond, load: load.result, report, downtimesMs };
  } finally {
    await fx.close();
  }
}

export function formatCrashes(r: Awaited<ReturnType<typeof benchCrashes>>): string {
  const { load, report } = r;
  const jobs = Object.entries(report.jobsNotDone)
    .map(([s, n]) => `${n} ${s}`)
    .join(', ');
  return [
    `\`npm start\` on PostgreSQL (web + worker), ${r.perSecond} submissions/s, \`kill -9\` ${r.crashes} times, restarted on the same port.`,
    '',
    '| Sent | 201 | No answer (server dead) | Stored | 201 lost | Duplicate folios | Folio gaps | Jobs not done | Acks missing / doubled | Same Message-ID redelivered | Restart (kill → /healthz) |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    `| ${load.sent} | ${load.accepted.length} | ${load.networkErrors} | ${report.stored} | ${report.lostAccepted.length} | ${report.duplicateFolios.length} | ${report.gaps.length} | ${jobs || 0} | ${report.mailsMissing.length} / ${report.mailsDoubled.length} | ${report.redeliveries} | ${r.downtimesMs.map((d) => `${(d / 1000).toFixed(1)} s`).join(', ')} |`,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!base) {
    process.stdout.write('bench/reliability: omitido (define BENCH_DATABASE_URL o TEST_DATABASE_URL)\n');
  } else {
    const r = await benchCrashes(base, Number(process.argv[2] ?? 3), Number(process.argv[3] ?? 20));
    process.stdout.write(`\n${machine()}\n\n${formatCrashes(r)}\n`);
  }
}
