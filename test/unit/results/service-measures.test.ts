import { describe, expect, it } from 'vitest';
import type { RequestStatus } from '../../../src/domain/request-lifecycle.ts';
import {
  computeServiceMeasures,
  type MeasureEvent,
  type MeasureRequest,
  type MeasureSurvey,
  median,
  percentile,
  relativeChange,
} from '../../../src/domain/service-measures.ts';
import { createCalendar, HOUR_MS } from '../../../src/domain/working-calendar.ts';

/**
 * A small fixed history. The office works Mon–Fri 09:00–18:00 in Mexico City (UTC−6, no DST), i.e. 9
 * working hours a day; federal rest days used here: 2025-12-25, 2026-01-01, 2026-03-16 (third Monday of
 * March), 2026-11-16. The SLA is 72 working hours (8 working days). Every expected figure below is
 * worked out by hand in the comments.
 */
const local = (s: string) => new Date(`${s.replace(' ', 'T')}:00-06:00`);
const calendar = createCalendar({ timeZone: 'America/Mexico_City' });
const SLA = 72 * HOUR_MS;
const NOW = local('2026-11-25 12:00');

const requests: MeasureRequest[] = [];
const events: MeasureEvent[] = [];

function req(
  id: string,
  o: Partial<MeasureRequest> & { receivedAt: Date },
  timeline: [string, RequestStatus][] = [],
): void {
  requests.push({
    id,
    requesterKey: 'A',
    sector: 'academia',
    indicators: ['population_total'],
    geo: 'mun:15106',
    answeredBy: null,
    status: timeline.at(-1)?.[1] ?? 'received',
    closedAt: null,
    ...o,
  });
  for (const [at, toStatus] of timeline) events.push({ requestId: id, at: local(at), toStatus });
}

// R1 staff-answered with a clarification pause. received 10–12 (2 h) + in_review 12–14 (2 h);
// PAUSED Mon 14:00 → Wed 11:00 (4+9+2 = 15 working h, excluded); in_review 11–15 (4 h) → triage 8 h.
// assigned Wed 15–18 (3 h) + in_preparation Thu 9–13 (4 h) → preparation 7 h.
// pending_approval Thu 13–18 (5 h) + Fri 9–10 (1 h) + signed 10–11 (1 h) → approval 7 h. Answer 22 h.
req('R1', { receivedAt: local('2026-03-02 10:00'), answeredBy: 'staff' }, [
  ['2026-03-02 12:00', 'in_review'],
  ['2026-03-02 14:00', 'clarification_requested'],
  ['2026-03-04 11:00', 'in_review'],
  ['2026-03-04 15:00', 'assigned'],
  ['2026-03-05 09:00', 'in_preparation'],
  ['2026-03-05 13:00', 'pending_approval'],
  ['2026-03-06 10:00', 'signed'],
  ['2026-03-06 11:00', 'delivered'],
]);
// R2 automatic, received at night (outside office hours): answer 0 working h.
req(
  'R2',
  {
    receivedAt: local('2026-03-10 20:00'),
    requesterKey: 'B',
    sector: 'gobierno_municipal',
    indicators: ['population_total', 'pct_illiterate_15plus'],
    geo: 'set:15033,15106',
    answeredBy: 'auto',
  },
  [
    ['2026-03-10 20:00', 'signed'],
    ['2026-03-10 20:01', 'delivered'],
  ],
);
// R3 late: received on a rest day (Mon 16 March) → clock starts Tue 09:00. triage Tue 9–13 (4 h);
// preparation Tue 13–18 (5) + 18,19,20,23,24,25 March (6×9 = 54) + Thu 26 9–10 (1) = 60 h;
// approval Thu 10–18 (8) + Fri 9–11 (2) + signed 11–12 (1) = 11 h. Answer 75 h > 72 → overdue.
req(
  'R3',
  {
    receivedAt: local('2026-03-16 10:00'),
    indicators: ['pct_illiterate_15plus'],
    geo: 'region:6',
    answeredBy: 'staff',
  },
  [
    ['2026-03-17 09:00', 'in_review'],
    ['2026-03-17 13:00', 'assigned'],
    ['2026-03-17 13:00', 'in_preparation'],
    ['2026-03-26 10:00', 'pending_approval'],
    ['2026-03-27 11:00', 'signed'],
    ['2026-03-27 12:00', 'delivered'],
  ],
);
// R4 rejected in April.
req('R4', { receivedAt: local('2026-04-06 10:00'), requesterKey: 'C', sector: 'privado', geo: 'state:15' }, [
  ['2026-04-06 11:00', 'in_review'],
  ['2026-04-07 10:00', 'rejected'],
]);
// R5 cancelled while waiting for the requester; free-text question (no catalog indicator).
req(
  'R5',
  { receivedAt: local('2026-04-08 10:00'), requesterKey: 'D', sector: 'ciudadania', indicators: [] },
  [
    ['2026-04-08 12:00', 'clarification_requested'],
    ['2026-04-09 10:00', 'cancelled'],
  ],
);
// R6 crosses the year boundary: received 2025-12-22, delivered 2026-01-02. triage 10–14 (4 h);
// preparation Dec 22 14–18 (4) + 23 (9) + 24 (9) + [25 rest day] + 26 (9) + 29 9–10 (1) = 32 h;
// approval Dec 29 10–18 (8) + 30 (9) + 31 (9) + [Jan 1 rest day] + Jan 2 9–12 (3) + signed 12–13 (1) = 30 h.
// Answer 66 h. At the end of 2025 it had used 4 + 32 + 26 = 62 h → pending but not overdue.
req(
  'R6',
  {
    receivedAt: local('2025-12-22 10:00'),
    requesterKey: 'E',
    sector: 'gobierno_estatal',
    geo: 'zm:15.02',
    answeredBy: 'staff',
  },
  [
    ['2025-12-22 14:00', 'assigned'],
    ['2025-12-22 14:00', 'in_preparation'],
    ['2025-12-29 10:00', 'pending_approval'],
    ['2026-01-02 12:00', 'signed'],
    ['2026-01-02 13:00', 'delivered'],
  ],
);
// R7 the previous year: requester A's first request (so A is "returning" in 2026). 1 minute, automatic.
req('R7', { receivedAt: local('2025-03-03 10:00'), answeredBy: 'auto' }, [
  ['2025-03-03 10:00', 'signed'],
  ['2025-03-03 10:01', 'delivered'],
]);
// R8 still open "now" (25 Nov 2026 12:00) and overdue: Nov 2 10–18 (8) + 3–6 (36) + 9–13 (45) > 72.
req(
  'R8',
  {
    receivedAt: local('2026-11-02 10:00'),
    requesterKey: 'F',
    sector: 'medios',
    indicators: ['not_in_catalog'],
    geo: 'zm:15.02',
  },
  [['2026-11-02 11:00', 'in_review']],
);

const surveys: MeasureSurvey[] = [
  { requestId: 'R1', submittedAt: local('2026-03-09 10:00'), answered: 'yes', ease: 5, hasComment: true },
  { requestId: 'R3', submittedAt: local('2026-03-30 10:00'), answered: 'partly', ease: 3, hasComment: false },
  { requestId: 'R6', submittedAt: local('2026-01-05 10:00'), answered: 'yes', ease: 4, hasComment: true },
];

const base = { requests, events, surveys, calendar, slaMs: SLA, now: NOW };
const results = computeServiceMeasures({ ...base, year: 2026 });
const y2026 = results.current;
const y2025 = results.previous;
const month = (y: typeof y2026, m: number) => y.months.find((x) => x.month === m)!;

describe('service measures on a fixed history', () => {
  it('counts requests received, answered, rejected, cancelled and pending', () => {
    // 2026: received R1 R2 R3 R4 R5 R8; answered R1 R2 R3 and R6 (delivered on 2 Jan 2026).
    expect(y2026.total).toMatchObject({
      received: 6,
      answered: 4,
      answeredAuto: 1,
      answeredStaff: 3,
      rejected: 1,
      cancelled: 1,
      expired: 0,
      pending: 1,
    });
    // 2025: received R6 (Dec) and R7; R7 answered; R6 still open at the end of the year.
    expect(y2025.total).toMatchObject({ received: 2, answered: 1, answeredAuto: 1, pending: 1, overdue: 0 });
    expect(results.year).toBe(2026);
    expect(y2025.year).toBe(2025);
  });

  it('puts a request that crosses the year boundary in the right months', () => {
    expect(month(y2025, 12).measures).toMatchObject({ received: 1, answered: 0, pending: 1 });
    expect(month(y2026, 1).measures).toMatchObject({ received: 0, answered: 1, pending: 0 });
    expect(month(y2026, 1).measures.answerTime.medianHours).toBe(66);
  });

  it('measures by month, marking months not yet begun', () => {
    expect(month(y2026, 3).measures).toMatchObject({ received: 3, answered: 3, pending: 0, overdue: 1 });
    expect(month(y2026, 4).measures).toMatchObject({ received: 2, rejected: 1, cancelled: 1, pending: 0 });
    expect(month(y2026, 11)).toMatchObject({
      future: false,
      measures: { received: 1, pending: 1, overdue: 1 },
    });
    expect(month(y2026, 12)).toMatchObject({ future: true, measures: { received: 0, pending: 0 } });
    expect(y2026.months).toHaveLength(12);
  });

  it('counts requesters: distinct, new and returning, and by sector', () => {
    // A (R1, R3) first asked in 2025 → returning; B, C, D, F new.
    expect(y2026.total).toMatchObject({ requesters: 5, newRequesters: 4, returningRequesters: 1 });
    expect(y2026.total.bySector).toEqual({
      academia: { requests: 2, requesters: 1 },
      gobierno_municipal: { requests: 1, requesters: 1 },
      privado: { requests: 1, requesters: 1 },
      ciudadania: { requests: 1, requesters: 1 },
      medios: { requests: 1, requesters: 1 },
    });
    expect(y2025.total).toMatchObject({ requesters: 2, newRequesters: 2, returningRequesters: 0 });
  });

  it('counts topics, geography types and municipalities asked', () => {
    // population: R1 R2 R4; education: R2 R3; other (free text or unknown id): R5 R8.
    expect(y2026.total.topics).toEqual({ population: 3, education: 2, other: 2 });
    expect(y2026.total.geoLevels).toEqual({ mun: 2, set: 1, region: 1, state: 1, zm: 1 });
    // 15106: R1, R2 (in a set), R5; 15033: R2.
    expect(y2026.total.topMunicipalities).toEqual([
      { code: '15106', requests: 3 },
      { code: '15033', requests: 1 },
    ]);
  });

  it('measures time to answer in working hours without clarification pauses', () => {
    // Answers delivered in 2026: R2 0 h, R1 22 h, R6 66 h, R3 75 h.
    // Median (22 + 66) / 2 = 44; p90 nearest rank ⌈0.9·4⌉ = 4th = 75; within 72 h: 3 of 4.
    expect(y2026.total.answerTime).toEqual({
      count: 4,
      medianHours: 44,
      p90Hours: 75,
      withinSla: 3,
      withinSlaShare: 0.75,
    });
    // R7: 1 minute.
    expect(y2025.total.answerTime.medianHours).toBeCloseTo(1 / 60, 10);
  });

  it('gives per-stage medians over staff-answered requests', () => {
    // triage R1 8, R3 4, R6 4 → 4; preparation 7, 60, 32 → 32; approval 7, 11, 30 → 11.
    expect(y2026.total.stageMedianHours).toEqual({ triage: 4, preparation: 32, approval: 11 });
    expect(y2025.total.stageMedianHours).toEqual({ triage: null, preparation: null, approval: null });
  });

  it('counts overdue: answered late plus open past the deadline', () => {
    // R3 answered after 75 h; R8 still open with more than 72 h used.
    expect(y2026.total.overdue).toBe(2);
  });

  it('summarises the satisfaction survey by submission date', () => {
    expect(y2026.total.survey).toEqual({
      responses: 3,
      answered: { yes: 2, partly: 1, no: 0 },
      ease: { '5': 1, '3': 1, '4': 1 },
      meanEase: 4,
      comments: 2,
    });
    expect(y2025.total.survey.responses).toBe(0);
  });

  it('filters by sector (new vs returning still looks at all history)', () => {
    const academia = computeServiceMeasures({ ...base, year: 2026, sector: 'academia' });
    expect(academia.current.total).toMatchObject({
      received: 2,
      answered: 2,
      requesters: 1,
      returningRequesters: 1,
    });
    expect(academia.current.total.survey.responses).toBe(2);
    expect(academia.previous.total).toMatchObject({ received: 1, answered: 1 });
  });

  it('limits to a month range, for both years', () => {
    const march = computeServiceMeasures({ ...base, year: 2026, fromMonth: 3, toMonth: 3 });
    expect(march.current.months.map((m) => m.month)).toEqual([3]);
    expect(march.current.total).toMatchObject({ received: 3, answered: 3, overdue: 1 });
    expect(march.previous.total).toMatchObject({ received: 1, answered: 1 });
    expect(() => computeServiceMeasures({ ...base, year: 2026, fromMonth: 5, toMonth: 4 })).toThrow(
      RangeError,
    );
  });

  it('closes a timeline at closedAt when the terminal event is missing', () => {
    const r = computeServiceMeasures({
      ...base,
      requests: [
        {
          id: 'X',
          receivedAt: local('2026-02-03 09:00'),
          requesterKey: 'Z',
          sector: 'osc',
          indicators: [],
          geo: 'state:15',
          answeredBy: 'staff',
          status: 'delivered',
          closedAt: local('2026-02-03 12:00'),
        },
      ],
      events: [],
      surveys: [],
      year: 2026,
    });
    expect(r.current.total.answerTime.medianHours).toBe(3);
  });
});

describe('statistics helpers', () => {
  it('median, nearest-rank percentile and relative change', () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(percentile([5, 1, 4, 2, 3, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([1], 90)).toBe(1);
    expect(relativeChange(15, 10)).toBe(0.5);
    expect(relativeChange(5, 0)).toBeNull();
    expect(relativeChange(null, 3)).toBeNull();
  });
});
