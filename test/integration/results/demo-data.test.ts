import { count, eq, like, notLike } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { requestEvents, requests, satisfactionSurveys } from '../../../src/db/schema/index.ts';
import type { Deps } from '../../../src/services/deps.ts';
import {
  DEMO_EMAIL_DOMAIN,
  generateDemoHistory,
  RealDataPresentError,
} from '../../../src/services/results/generate-demo-history.ts';
import { getServiceResults } from '../../../src/services/results/get-service-results.ts';
import { fixedClock } from '../../helpers/app.ts';
import { testEngines } from '../../helpers/db.ts';
import { aRequest } from '../../helpers/factories.ts';
import { withTestDeps } from '../../helpers/suite.ts';

describe.each(testEngines())('demo-data history on %s', (engine) => {
  let deps: Deps;
  const demo = like(requests.requesterEmail, `%@${DEMO_EMAIL_DOMAIN}`);
  const countOf = async (where = demo) =>
    (await deps.db.select({ n: count() }).from(requests).where(where))[0]!.n;

  withTestDeps(engine, { clock: fixedClock('2026-11-25T18:00:00Z') }, (d) => {
    deps = d;
  });

  it('fills an empty database with a realistic, seasonal history marked as demo', async () => {
    const result = await generateDemoHistory(deps, { fromYear: 2024, toYear: 2025, seed: 7 });
    expect(result.requests).toBe(await countOf());
    expect(result.requests).toBeGreaterThanOrEqual(400);
    expect(result.requests).toBeLessThanOrEqual(520);
    expect(await countOf(notLike(requests.requesterEmail, `%@${DEMO_EMAIL_DOMAIN}`))).toBe(0);
    const [surveys] = await deps.db.select({ n: count() }).from(satisfactionSurveys);
    expect(surveys!.n).toBe(result.surveys);

    const staff = { type: 'staff', id: 'x', role: 'director' } as const;
    const r = await getServiceResults(deps, staff, { year: 2025, fromMonth: 1, toMonth: 12, sector: null });
    const y = r.current.total;
    expect(y.received).toBeGreaterThanOrEqual(200);
    expect(y.received).toBeLessThanOrEqual(260);
    expect(y.answeredAuto).toBeGreaterThan(0);
    expect(y.answeredStaff).toBeGreaterThan(y.answeredAuto / 2);
    expect(y.overdue).toBeGreaterThan(0);
    expect(y.returningRequesters).toBeGreaterThan(0);
    expect(y.answerTime.withinSlaShare).toBeGreaterThan(0.7);
    expect(Object.keys(y.bySector).length).toBeGreaterThanOrEqual(8);
    // Seasonal: December (holidays) gets fewer requests than October.
    const month = (m: number) => r.current.months[m - 1]!.measures.received;
    expect(month(12)).toBeLessThan(month(10));
    // Some requests waited for a clarification.
    const clarified = await deps.db
      .select({ n: count() })
      .from(requestEvents)
      .where(eq(requestEvents.toStatus, 'clarification_requested'));
    expect(clarified[0]!.n).toBeGreaterThan(0);
  });

  it('replaces earlier demo data when run again', async () => {
    const before = await countOf();
    await generateDemoHistory(deps, { fromYear: 2024, toYear: 2025, seed: 7 });
    expect(await countOf()).toBe(before);
  });

  it('refuses a database with real requests unless --force, and keeps them', async () => {
    const real = await aRequest(deps.db, { receivedAt: new Date('2026-02-03T16:00:00Z') });
    const before = await countOf();
    await expect(generateDemoHistory(deps, { fromYear: 2024, toYear: 2024 })).rejects.toBeInstanceOf(
      RealDataPresentError,
    );
    expect(await countOf()).toBe(before);
    await generateDemoHistory(deps, { fromYear: 2024, toYear: 2024, force: true });
    expect(await countOf()).toBeLessThan(before);
    expect(await countOf(eq(requests.id, real.id))).toBe(1);
  });
});
