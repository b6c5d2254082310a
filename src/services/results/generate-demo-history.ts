import { createHash } from 'node:crypto';
import { like, notLike, sql } from 'drizzle-orm';
import { takeFolioNumbers } from '../../db/folio-counter.ts';
import { requestEvents, requests, satisfactionSurveys } from '../../db/schema/index.ts';
import { formatFolio } from '../../domain/folio.ts';
import { INDICATORS } from '../../domain/indicators.ts';
import type { RequestStatus } from '../../domain/request-lifecycle.ts';
import {
  addWorkingTime,
  HOUR_MS,
  type WorkingCalendar,
  workingTimeBetween,
} from '../../domain/working-calendar.ts';
import { translate } from '../../i18n/index.ts';
import { placeCatalog } from '../../stats/geography/catalog.ts';
import { slaMs } from '../calendar/compute-due-at.ts';
import { loadCalendar } from '../calendar/load-calendar.ts';
import type { Deps } from '../deps.ts';
import type { Sector } from '../requests/request-input.ts';

/** Demo requesters write from this reserved domain (RFC 2606): it is how demo rows are told apart. */
export const DEMO_EMAIL_DOMAIN = 'demo.invalid';
const DEMO_EMAIL_PATTERN = `%@${DEMO_EMAIL_DOMAIN}`;

/** A population council's usual requesters (shares of requests). */
const SECTOR_MIX: Record<Sector, number> = {
  academia: 0.22,
  estudiante: 0.2,
  gobierno_municipal: 0.16,
  gobierno_estatal: 0.12,
  gobierno_federal: 0.05,
  legislativo_judicial: 0.03,
  osc: 0.07,
  privado: 0.07,
  medios: 0.04,
  ciudadania: 0.04,
};
/** Seasonality: fewer requests in the Easter, summer and December holidays; more in autumn terms. */
const MONTH_WEIGHTS = [0.8, 1.0, 1.1, 0.8, 1.1, 1.0, 0.6, 0.9, 1.2, 1.3, 1.2, 0.5];
const SURVEY_COMMENT = 'Comentario de demostración';

export class RealDataPresentError extends Error {
  constructor(readonly count: number) {
    super(`non-demo requests: ${count}`);
  }
}

/** A small seeded generator (mulberry32): the same seed gives the same history. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const between = (min: number, max: number) => min + next() * (max - min);
  const int = (min: number, max: number) => Math.floor(between(min, max + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const weighted = <T extends string | number>(weights: Record<T, number> | number[]): T => {
    const entries = Object.entries(weights) as [T, number][];
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let r = next() * total;
    for (const [k, w] of entries) {
      r -= w;
      if (r < 0) return k;
    }
    return entries.at(-1)![0];
  };
  return { next, between, int, pick, weighted, chance: (p: number) => next() < p };
}
type Rng = ReturnType<typeof random>;

type DemoEvent = { at: Date; action: string; actor: string; toStatus: RequestStatus };
type DemoRequest = {
  receivedAt: Date;
  sector: Sector;
  email: string;
  indicators: string[];
  otherText: string | null;
  geo: string;
  status: RequestStatus;
  answeredBy: 'auto' | 'staff' | null;
  events: DemoEvent[];
  pausedMs: number;
  deliveredAt: Date | null;
  closedAt: Date | null;
};

function question(rng: Rng, municipalities: string[], regions: string[], zones: string[]) {
  const other = rng.chance(0.05);
  const indicators = other
    ? []
    : [...new Set(Array.from({ length: rng.int(1, 3) }, () => rng.pick(INDICATORS).id))];
  // Big municipalities are asked more: the catalog's first codes are not the big ones, so weight a few.
  const popular = ['15106', '15033', '15058', '15057', '15104', '15121', '15031', '15039', '15099', '15070'];
  const mun = () => (rng.chance(0.5) ? rng.pick(popular) : rng.pick(municipalities));
  const kind = rng.weighted({ mun: 45, set: 10, region: 12, zm: 8, state: 20, polygon: 5 });
  const geo =
    kind === 'mun'
      ? `mun:${mun()}`
      : kind === 'set'
        ? `set:${[...new Set(Array.from({ length: rng.int(2, 4) }, mun))].sort().join(',')}`
        : kind === 'region'
          ? rng.pick(regions)
          : kind === 'zm'
            ? rng.pick(zones)
            : kind === 'state'
              ? 'state:15'
              : `polygon:demo${rng.int(1000, 9999)}`;
  return { indicators, otherText: other ? 'Otro' : null, geo };
}

/** What happened to one request, step by step in working time, up to `now`. */
function simulate(rng: Rng, r: DemoRequest, calendar: WorkingCalendar, now: Date): void {
  let at = r.receivedAt;
  let stopped = false;
  const move = (next: Date, action: string, toStatus: RequestStatus, actor = 'demo') => {
    if (stopped || next > now) {
      stopped = true;
      return false;
    }
    at = next;
    r.events.push({ at, action, actor, toStatus });
    r.status = toStatus;
    return true;
  };
  const after = (hours: number) => addWorkingTime(at, hours * HOUR_MS, calendar);
  r.events.push({ at, action: 'submitted', actor: 'requester', toStatus: 'received' });
  r.status = 'received';

  const automatic = r.indicators.length > 0 && !r.geo.startsWith('polygon') && rng.chance(0.45);
  if (automatic) {
    r.answeredBy = 'auto';
    if (move(new Date(at.getTime() + rng.int(5, 60) * 1000), 'auto_sign', 'signed', 'sistema')) {
      if (move(new Date(at.getTime() + rng.int(5, 120) * 1000), 'deliver', 'delivered', 'sistema')) {
        r.deliveredAt = at;
        r.closedAt = at;
      }
    }
    return;
  }
  if (!move(after(rng.between(0.5, 6)), 'triage', 'in_review')) return;
  if (rng.chance(0.03)) {
    if (move(after(rng.between(1, 20)), 'cancel', 'cancelled', 'requester')) r.closedAt = at;
    return;
  }
  if (rng.chance(0.05)) {
    if (move(after(rng.between(1, 8)), 'reject', 'rejected')) r.closedAt = at;
    return;
  }
  if (rng.chance(0.15)) {
    if (!move(after(rng.between(0.5, 3)), 'request_clarification', 'clarification_requested')) return;
    if (rng.chance(0.1)) {
      if (move(after(90), 'expire_clarification', 'expired', 'sistema')) r.closedAt = at;
      return;
    }
    const pauseStart = at;
    if (!move(after(rng.between(2, 45)), 'answer_clarification', 'in_review', 'requester')) return;
    r.pausedMs += workingTimeBetween(pauseStart, at, calendar);
  }
  r.answeredBy = 'staff';
  if (!move(after(rng.between(0.5, 4)), 'assign', 'assigned')) return;
  if (!move(after(rng.between(0.2, 3)), 'start_preparation', 'in_preparation')) return;
  const preparation = rng.weighted({ short: 70, medium: 22, long: 8 });
  const hours =
    preparation === 'short'
      ? rng.between(3, 24)
      : preparation === 'medium'
        ? rng.between(24, 45)
        : rng.between(55, 95);
  if (!move(after(hours), 'submit_for_approval', 'pending_approval')) return;
  if (rng.chance(0.1)) {
    if (!move(after(rng.between(1, 6)), 'return_for_changes', 'in_preparation')) return;
    if (!move(after(rng.between(1, 8)), 'submit_for_approval', 'pending_approval')) return;
  }
  if (!move(after(rng.between(0.5, 10)), 'sign', 'signed')) return;
  if (move(after(rng.between(0.1, 1.5)), 'deliver', 'delivered')) {
    r.deliveredAt = at;
    r.closedAt = at;
  }
}

/**
 * Fills the database with a demo history from `fromYear` to `toYear` (about 200–250 requests a year,
 * seasonal, a population council's sector mix, clarifications, some overdue, some automatic) up to
 * "now". Demo rows replace earlier demo rows. Refuses (RealDataPresentError) when the database holds
 * requests that are not demo data, unless `force`.
 */
export async function generateDemoHistory(
  deps: Pick<Deps, 'db' | 'config' | 'clock'>,
  opts: { fromYear: number; toYear: number; seed?: number; force?: boolean },
): Promise<{ requests: number; surveys: number }> {
  const { db, config } = deps;
  const now = deps.clock.now();
  const [real] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(requests)
    .where(notLike(requests.requesterEmail, DEMO_EMAIL_PATTERN));
  if ((real?.n ?? 0) > 0 && !opts.force) throw new RealDataPresentError(real!.n);

  const rng = random(opts.seed ?? 20_260_101);
  const anchor = { now: () => new Date(Date.UTC(opts.toYear + 1, 0, 1)) };
  const calendar = await loadCalendar({ ...deps, clock: anchor });
  const places = placeCatalog();
  const municipalities = places.byLevel.mun.map((p) => p.id.replace('mun:', ''));
  const regions = places.byLevel.region.map((p) => p.id);
  const zones = places.byLevel.zm.map((p) => p.id);
  const sla = slaMs(deps);
  const people: Record<string, string[]> = {};
  let personCount = 0;
  const purpose = translate('es-MX', 'results.demo.purpose');
  let total = 0;
  let surveyTotal = 0;

  await db.transaction(async (tx) => {
    const demoIds = tx
      .select({ id: requests.id })
      .from(requests)
      .where(like(requests.requesterEmail, DEMO_EMAIL_PATTERN));
    await tx.execute(
      sql`DELETE FROM ${satisfactionSurveys} WHERE ${satisfactionSurveys.requestId} IN (${demoIds})`,
    );
    await tx.execute(sql`DELETE FROM ${requestEvents} WHERE ${requestEvents.requestId} IN (${demoIds})`);
    await tx.delete(requests).where(like(requests.requesterEmail, DEMO_EMAIL_PATTERN));

    for (let year = opts.fromYear; year <= opts.toYear; year++) {
      const volume = rng.int(200, 235) + Math.min(15, (year - opts.fromYear) * 5);
      const monthWeights = Object.fromEntries(MONTH_WEIGHTS.map((w, i) => [i + 1, w])) as Record<
        number,
        number
      >;
      const made: DemoRequest[] = [];
      for (let i = 0; i < volume; i++) {
        const month = Number(rng.weighted(monthWeights));
        const day = rng.int(1, new Date(Date.UTC(year, month, 0)).getUTCDate());
        // Most requests arrive in office hours; some at night or on weekends (Mexico City is UTC−6).
        const hour = rng.chance(0.75) ? rng.int(9, 17) : rng.int(0, 23);
        const receivedAt = new Date(Date.UTC(year, month - 1, day, hour + 6, rng.int(0, 59)));
        if (receivedAt > now) continue;
        const sector = rng.weighted(SECTOR_MIX);
        const pool = people[sector] ?? [];
        people[sector] = pool;
        let email: string;
        if (pool.length > 0 && rng.chance(0.3)) email = rng.pick(pool);
        else {
          personCount += 1;
          email = `persona${String(personCount).padStart(4, '0')}@${DEMO_EMAIL_DOMAIN}`;
          pool.push(email);
        }
        const r: DemoRequest = {
          receivedAt,
          sector,
          email,
          ...question(rng, municipalities, regions, zones),
          status: 'received',
          answeredBy: null,
          events: [],
          pausedMs: 0,
          deliveredAt: null,
          closedAt: null,
        };
        simulate(rng, r, calendar, now);
        made.push(r);
      }
      if (made.length === 0) continue;
      made.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
      const firstSeq = await takeFolioNumbers(tx, config.agency.code, year, made.length);
      const rows = await tx
        .insert(requests)
        .values(
          made.map((r, i) => ({
            folio: formatFolio(config.agency.code, year, firstSeq + i),
            agencyCode: config.agency.code,
            status: r.status,
            indicators: r.indicators,
            otherText: r.otherText,
            geo: r.geo,
            years: [2020],
            formats: ['xlsx'],
            purpose,
            queryKey: `${[...r.indicators].sort().join(',')}|${r.geo}|2020`,
            requesterName: `Persona de demostración ${r.email.slice(7, 11)}`,
            requesterEmail: r.email,
            requesterSector: r.sector,
            privacyConsentVersion: config.agency.privacyNoticeVersion,
            privacyConsentAt: r.receivedAt,
            trackingTokenHash: createHash('sha256').update(`demo:${year}:${i}:${rng.next()}`).digest('hex'),
            receivedAt: r.receivedAt,
            dueAt: addWorkingTime(r.receivedAt, sla + r.pausedMs, calendar),
            pausedAt: r.status === 'clarification_requested' ? r.events.at(-1)!.at : null,
            pausedWorkingMs: r.pausedMs,
            answeredBy: r.closedAt || r.answeredBy === 'auto' ? r.answeredBy : null,
            deliveredAt: r.deliveredAt,
            closedAt: r.closedAt,
            createdAt: r.receivedAt,
            updatedAt: r.events.at(-1)!.at,
          })),
        )
        .returning({ id: requests.id });
      const events = made.flatMap((r, i) =>
        r.events.map((e, j) => ({
          requestId: rows[i]!.id,
          at: e.at,
          actor: e.actor,
          action: e.action,
          fromStatus: j === 0 ? null : r.events[j - 1]!.toStatus,
          toStatus: e.toStatus,
        })),
      );
      for (let i = 0; i < events.length; i += 500)
        await tx.insert(requestEvents).values(events.slice(i, i + 500));
      const surveys = made.flatMap((r, i) => {
        if (!r.deliveredAt || !rng.chance(0.35)) return [];
        const submittedAt = new Date(r.deliveredAt.getTime() + rng.between(0.1, 72) * HOUR_MS);
        if (submittedAt > now) return [];
        const answered = rng.weighted({ yes: 70, partly: 22, no: 8 });
        const ease = Number(rng.weighted({ 1: 3, 2: 5, 3: 14, 4: 33, 5: 45 }));
        return [
          {
            requestId: rows[i]!.id,
            answered,
            ease,
            comment: rng.chance(0.25) ? SURVEY_COMMENT : null,
            submittedAt,
          },
        ];
      });
      if (surveys.length) await tx.insert(satisfactionSurveys).values(surveys);
      total += made.length;
      surveyTotal += surveys.length;
    }
  });
  return { requests: total, surveys: surveyTotal };
}
