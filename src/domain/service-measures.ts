/**
 * The service's results: counts, users, topics, times and satisfaction, by year and month, with the
 * previous year beside each. Pure: requests, their status timeline, survey answers and the working
 * calendar are passed in, and so is "now".
 *
 * Which period a fact belongs to (local dates in the calendar's time zone):
 *   received, requesters, sectors, topics, geography  → the month the request was received
 *   answered, rejected, cancelled, expired, times     → the month the request reached that status
 *   pending, overdue (still open)                     → the situation at the end of the period
 *   survey                                            → the month the answer was submitted
 * Working time excludes time spent waiting for the requester's clarification (clock paused).
 */
import { parseGeoId } from './geography.ts';
import { findIndicator } from './indicators.ts';
import { isClockPaused, type RequestStatus } from './request-lifecycle.ts';
import { HOUR_MS, type WorkingCalendar, workingTimeBetween, zonedInstant } from './working-calendar.ts';

export type MeasureRequest = {
  id: string;
  receivedAt: Date;
  /** A stable pseudonymous key of the requester (e.g. a hash of the e-mail): never personal data. */
  requesterKey: string;
  sector: string;
  indicators: readonly string[];
  geo: string;
  answeredBy: 'auto' | 'staff' | null;
  /** Current status; used only when the timeline lacks the event that led to it. */
  status: RequestStatus;
  /** When the current (terminal) status was reached, for the same fallback. */
  closedAt: Date | null;
};

export type MeasureEvent = {
  requestId: string;
  at: Date;
  toStatus: RequestStatus | null;
};

export type MeasureSurvey = {
  requestId: string;
  submittedAt: Date;
  answered: 'yes' | 'partly' | 'no';
  ease: number;
  hasComment: boolean;
};

/** The stages of a staff-answered request, as the statuses whose working time each one sums. */
export const STAGES = {
  triage: ['received', 'in_review'],
  preparation: ['assigned', 'in_preparation'],
  approval: ['pending_approval', 'signed'],
} as const satisfies Record<string, readonly RequestStatus[]>;
export type Stage = keyof typeof STAGES;

export const SURVEY_ANSWERS = ['yes', 'partly', 'no'] as const;
export const EASE_SCORES = [1, 2, 3, 4, 5] as const;
export const TOP_MUNICIPALITIES = 10;
/** Requests whose indicators are not in the catalog (free text) count under this topic. */
export const OTHER_TOPIC = 'other';

export type PeriodMeasures = {
  received: number;
  answered: number;
  answeredAuto: number;
  answeredStaff: number;
  rejected: number;
  cancelled: number;
  expired: number;
  pending: number;
  requesters: number;
  newRequesters: number;
  returningRequesters: number;
  bySector: Record<string, { requests: number; requesters: number }>;
  topics: Record<string, number>;
  geoLevels: Record<string, number>;
  topMunicipalities: { code: string; requests: number }[];
  answerTime: {
    count: number;
    medianHours: number | null;
    p90Hours: number | null;
    withinSla: number;
    withinSlaShare: number | null;
  };
  stageMedianHours: Record<Stage, number | null>;
  overdue: number;
  survey: {
    responses: number;
    answered: Record<(typeof SURVEY_ANSWERS)[number], number>;
    ease: Record<string, number>;
    meanEase: number | null;
    comments: number;
  };
};

export type MonthMeasures = { month: number; future: boolean; measures: PeriodMeasures };
export type YearMeasures = { year: number; total: PeriodMeasures; months: MonthMeasures[] };

export type ServiceResults = {
  year: number;
  fromMonth: number;
  toMonth: number;
  sector: string | null;
  /** Working hours allowed to answer (the SLA). */
  slaHours: number;
  current: YearMeasures;
  previous: YearMeasures;
};

export type MeasureInput = {
  requests: readonly MeasureRequest[];
  events: readonly MeasureEvent[];
  surveys: readonly MeasureSurvey[];
  calendar: WorkingCalendar;
  slaMs: number;
  now: Date;
  year: number;
  fromMonth?: number;
  toMonth?: number;
  sector?: string | null;
};

const TERMINAL: readonly RequestStatus[] = ['delivered', 'rejected', 'cancelled', 'expired'];

type Segment = { status: RequestStatus; from: number; to: number };

/** One request with its timeline worked out once. */
type Derived = {
  req: MeasureRequest;
  received: number;
  segments: Segment[];
  /** First arrival in a terminal status. */
  closed: { status: RequestStatus; at: number } | null;
  /** Net working time from receipt to delivery (pauses excluded); null unless delivered. */
  answerMs: number | null;
  stageMs: Record<Stage, number> | null;
  netCache: Map<number, number>;
};

function deriveTimeline(
  req: MeasureRequest,
  events: readonly MeasureEvent[],
  calendar: WorkingCalendar,
): Derived {
  const received = req.receivedAt.getTime();
  const changes = events
    .filter((e) => e.toStatus !== null)
    .map((e) => ({ at: e.at.getTime(), status: e.toStatus as RequestStatus }))
    .sort((a, b) => a.at - b.at);
  // A terminal status without its event (older data): close the timeline at closedAt.
  if (TERMINAL.includes(req.status) && !changes.some((c) => c.status === req.status) && req.closedAt) {
    changes.push({ at: req.closedAt.getTime(), status: req.status });
  }
  const segments: Segment[] = [];
  let status: RequestStatus = 'received';
  let from = received;
  let closed: Derived['closed'] = null;
  for (const change of changes) {
    const at = Math.max(change.at, from);
    segments.push({ status, from, to: at });
    status = change.status;
    from = at;
    if (TERMINAL.includes(status)) {
      closed = { status, at };
      break;
    }
  }
  if (!closed) segments.push({ status, from, to: Number.POSITIVE_INFINITY });

  let answerMs: number | null = null;
  let stageMs: Derived['stageMs'] = null;
  if (closed?.status === 'delivered') {
    answerMs = 0;
    const stages: Record<Stage, number> = { triage: 0, preparation: 0, approval: 0 };
    for (const s of segments) {
      if (isClockPaused(s.status)) continue;
      const ms = workingTimeBetween(new Date(s.from), new Date(s.to), calendar);
      answerMs += ms;
      for (const stage of Object.keys(STAGES) as Stage[]) {
        if ((STAGES[stage] as readonly RequestStatus[]).includes(s.status)) stages[stage] += ms;
      }
    }
    if (req.answeredBy === 'staff') stageMs = stages;
  }
  return { req, received, segments, closed, answerMs, stageMs, netCache: new Map() };
}

/** Net working time (pauses excluded) from receipt until `until`. */
function netWorkingMsUntil(d: Derived, until: number, calendar: WorkingCalendar): number {
  const cached = d.netCache.get(until);
  if (cached !== undefined) return cached;
  let total = 0;
  for (const s of d.segments) {
    if (s.from >= until) break;
    if (isClockPaused(s.status)) continue;
    total += workingTimeBetween(new Date(s.from), new Date(Math.min(s.to, until)), calendar);
  }
  d.netCache.set(until, total);
  return total;
}

/** Median: the middle value, or the mean of the two middle values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Percentile by the nearest-rank method: the smallest value with at least p % of values at or below. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * s.length));
  return s[rank - 1]!;
}

/** Change from `previous` to `current` as a fraction (0.25 = +25 %); null when there is no base. */
export function relativeChange(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return (current - previous) / previous;
}

function topicsOf(indicators: readonly string[]): string[] {
  const topics = new Set(indicators.map((id) => findIndicator(id)?.topic ?? OTHER_TOPIC));
  if (topics.size === 0) topics.add(OTHER_TOPIC);
  return [...topics];
}

function municipalitiesOf(geo: string): string[] {
  const ref = parseGeoId(geo);
  if (ref?.level === 'mun') return [ref.code];
  if (ref?.level === 'set') return ref.codes;
  return [];
}

function geoLevelOf(geo: string): string {
  return parseGeoId(geo)?.level ?? 'polygon';
}

function getOrAdd<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

const hours = (ms: number | null) => (ms === null ? null : ms / HOUR_MS);
const inRange = (t: number, start: number, end: number) => t >= start && t < end;
const bump = (rec: Record<string, number>, key: string, by = 1) => {
  rec[key] = (rec[key] ?? 0) + by;
};

type Context = {
  derived: Derived[];
  surveys: readonly MeasureSurvey[];
  /** First receipt of each requester over the whole history (all sectors). */
  firstSeen: Map<string, number>;
  calendar: WorkingCalendar;
  slaMs: number;
  now: number;
};

function measurePeriod(ctx: Context, start: number, end: number): PeriodMeasures {
  const { calendar, slaMs } = ctx;
  const asOf = Math.min(end, ctx.now);
  const m: PeriodMeasures = {
    received: 0,
    answered: 0,
    answeredAuto: 0,
    answeredStaff: 0,
    rejected: 0,
    cancelled: 0,
    expired: 0,
    pending: 0,
    requesters: 0,
    newRequesters: 0,
    returningRequesters: 0,
    bySector: {},
    topics: {},
    geoLevels: {},
    topMunicipalities: [],
    answerTime: { count: 0, medianHours: null, p90Hours: null, withinSla: 0, withinSlaShare: null },
    stageMedianHours: { triage: null, preparation: null, approval: null },
    overdue: 0,
    survey: { responses: 0, answered: { yes: 0, partly: 0, no: 0 }, ease: {}, meanEase: null, comments: 0 },
  };
  const requesters = new Set<string>();
  const sectorRequesters = new Map<string, Set<string>>();
  const municipalities: Record<string, number> = {};
  const answerTimes: number[] = [];
  const stageTimes: Record<Stage, number[]> = { triage: [], preparation: [], approval: [] };
  const includedIds = new Set<string>();

  for (const d of ctx.derived) {
    const { req } = d;
    includedIds.add(req.id);
    if (inRange(d.received, start, end)) {
      m.received += 1;
      requesters.add(req.requesterKey);
      const sector = m.bySector[req.sector] ?? { requests: 0, requesters: 0 };
      m.bySector[req.sector] = sector;
      sector.requests += 1;
      getOrAdd(sectorRequesters, req.sector, () => new Set<string>()).add(req.requesterKey);
      for (const topic of topicsOf(req.indicators)) bump(m.topics, topic);
      bump(m.geoLevels, geoLevelOf(req.geo));
      for (const code of municipalitiesOf(req.geo)) bump(municipalities, code);
    }
    if (d.closed && inRange(d.closed.at, start, end)) {
      switch (d.closed.status) {
        case 'delivered':
          m.answered += 1;
          if (req.answeredBy === 'auto') m.answeredAuto += 1;
          else m.answeredStaff += 1;
          answerTimes.push(d.answerMs!);
          if (d.answerMs! > slaMs) m.overdue += 1;
          if (d.stageMs) for (const s of Object.keys(stageTimes) as Stage[]) stageTimes[s].push(d.stageMs[s]);
          break;
        case 'rejected':
          m.rejected += 1;
          break;
        case 'cancelled':
          m.cancelled += 1;
          break;
        case 'expired':
          m.expired += 1;
          break;
      }
    }
    const openAtEnd = d.received < asOf && (!d.closed || d.closed.at >= asOf);
    if (start <= ctx.now && openAtEnd) {
      m.pending += 1;
      if (netWorkingMsUntil(d, asOf, calendar) > slaMs) m.overdue += 1;
    }
  }

  m.requesters = requesters.size;
  for (const key of requesters) {
    if ((ctx.firstSeen.get(key) ?? start) < start) m.returningRequesters += 1;
    else m.newRequesters += 1;
  }
  for (const [sector, set] of sectorRequesters) m.bySector[sector]!.requesters = set.size;
  m.topMunicipalities = Object.entries(municipalities)
    .map(([code, requests]) => ({ code, requests }))
    .sort((a, b) => b.requests - a.requests || a.code.localeCompare(b.code))
    .slice(0, TOP_MUNICIPALITIES);

  m.answerTime.count = answerTimes.length;
  m.answerTime.medianHours = hours(median(answerTimes));
  m.answerTime.p90Hours = hours(percentile(answerTimes, 90));
  m.answerTime.withinSla = answerTimes.filter((ms) => ms <= slaMs).length;
  m.answerTime.withinSlaShare = answerTimes.length ? m.answerTime.withinSla / answerTimes.length : null;
  for (const s of Object.keys(stageTimes) as Stage[]) m.stageMedianHours[s] = hours(median(stageTimes[s]));

  let easeSum = 0;
  for (const survey of ctx.surveys) {
    if (!includedIds.has(survey.requestId) || !inRange(survey.submittedAt.getTime(), start, end)) continue;
    m.survey.responses += 1;
    m.survey.answered[survey.answered] += 1;
    bump(m.survey.ease, String(survey.ease));
    easeSum += survey.ease;
    if (survey.hasComment) m.survey.comments += 1;
  }
  m.survey.meanEase = m.survey.responses ? easeSum / m.survey.responses : null;
  return m;
}

function monthStart(year: number, month: number, timeZone: string): number {
  const y = year + Math.floor((month - 1) / 12);
  const mo = ((month - 1) % 12) + 1;
  return zonedInstant({ year: y, month: mo, day: 1 }, 0, timeZone);
}

function measureYear(ctx: Context, year: number, fromMonth: number, toMonth: number): YearMeasures {
  const tz = ctx.calendar.timeZone;
  const months: MonthMeasures[] = [];
  for (let month = fromMonth; month <= toMonth; month++) {
    const start = monthStart(year, month, tz);
    months.push({
      month,
      future: start > ctx.now,
      measures: measurePeriod(ctx, start, monthStart(year, month + 1, tz)),
    });
  }
  return {
    year,
    total: measurePeriod(ctx, monthStart(year, fromMonth, tz), monthStart(year, toMonth + 1, tz)),
    months,
  };
}

/** Every measure for `year` (and the year before), for the months `fromMonth`–`toMonth`. */
export function computeServiceMeasures(input: MeasureInput): ServiceResults {
  const fromMonth = input.fromMonth ?? 1;
  const toMonth = input.toMonth ?? 12;
  if (fromMonth < 1 || toMonth > 12 || fromMonth > toMonth) throw new RangeError('invalid month range');
  const eventsByRequest = new Map<string, MeasureEvent[]>();
  for (const e of input.events) getOrAdd(eventsByRequest, e.requestId, () => []).push(e);
  const firstSeen = new Map<string, number>();
  for (const r of input.requests) {
    const t = r.receivedAt.getTime();
    if (t < (firstSeen.get(r.requesterKey) ?? Number.POSITIVE_INFINITY)) firstSeen.set(r.requesterKey, t);
  }
  const sector = input.sector ?? null;
  const derived = input.requests
    .filter((r) => sector === null || r.sector === sector)
    .map((r) => deriveTimeline(r, eventsByRequest.get(r.id) ?? [], input.calendar));
  const ctx: Context = {
    derived,
    surveys: input.surveys,
    firstSeen,
    calendar: input.calendar,
    slaMs: input.slaMs,
    now: input.now.getTime(),
  };
  return {
    year: input.year,
    fromMonth,
    toMonth,
    sector,
    slaHours: input.slaMs / HOUR_MS,
    current: measureYear(ctx, input.year, fromMonth, toMonth),
    previous: measureYear(ctx, input.year - 1, fromMonth, toMonth),
  };
}
