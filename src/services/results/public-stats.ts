import type { MonthMeasures, PeriodMeasures, ServiceResults } from '../../domain/service-measures.ts';

/** Counts from 1 to 4 are published as this, so that nobody can be singled out. */
export const SMALL_COUNT = '<5';
export const MIN_PUBLIC_COUNT = 5;
export type Small = typeof SMALL_COUNT;

/** A measures structure where any number may be withheld (`<5`). */
export type Suppressed<T> = T extends number
  ? number | Small
  : T extends (infer U)[]
    ? Suppressed<U>[]
    : T extends object
      ? { [K in keyof T]: Suppressed<T[K]> }
      : T;

export type PublicPeriodMeasures = Suppressed<PeriodMeasures>;
export type AnyYearMeasures = {
  year: number;
  total: PublicPeriodMeasures;
  months: { month: number; future: boolean; measures: PublicPeriodMeasures }[];
};
/** ServiceResults as staff see them or as the public sees them (suppressed); both fit. */
export type AnyResults = Omit<ServiceResults, 'current' | 'previous'> & {
  current: AnyYearMeasures;
  previous: AnyYearMeasures;
};

const small = (n: number): number | Small => (n > 0 && n < MIN_PUBLIC_COUNT ? SMALL_COUNT : n);
/** A median, percentile, share or mean is shown only when it rests on at least 5 cases. */
const enough = (base: number, v: number | null): number | null => (base >= MIN_PUBLIC_COUNT ? v : null);

function mapValues<V, W>(rec: Record<string, V>, f: (v: V) => W): Record<string, W> {
  return Object.fromEntries(Object.entries(rec).map(([k, v]) => [k, f(v)]));
}

export function suppressPeriod(m: PeriodMeasures): PublicPeriodMeasures {
  const n = m.answerTime.count;
  return {
    received: small(m.received),
    answered: small(m.answered),
    answeredAuto: small(m.answeredAuto),
    answeredStaff: small(m.answeredStaff),
    rejected: small(m.rejected),
    cancelled: small(m.cancelled),
    expired: small(m.expired),
    pending: small(m.pending),
    requesters: small(m.requesters),
    newRequesters: small(m.newRequesters),
    returningRequesters: small(m.returningRequesters),
    bySector: mapValues(m.bySector, (s) => ({
      requests: small(s.requests),
      requesters: small(s.requesters),
    })),
    topics: mapValues(m.topics, small),
    geoLevels: mapValues(m.geoLevels, small),
    topMunicipalities: m.topMunicipalities.map((x) => ({ code: x.code, requests: small(x.requests) })),
    answerTime: {
      count: small(n),
      medianHours: enough(n, m.answerTime.medianHours),
      p90Hours: enough(n, m.answerTime.p90Hours),
      withinSla: small(m.answerTime.withinSla),
      withinSlaShare: enough(n, m.answerTime.withinSlaShare),
    },
    // The stage medians are over the requests answered by staff.
    stageMedianHours: mapValues(m.stageMedianHours, (v) =>
      enough(m.answeredStaff, v),
    ) as PublicPeriodMeasures['stageMedianHours'],
    overdue: small(m.overdue),
    survey: {
      responses: small(m.survey.responses),
      answered: {
        yes: small(m.survey.answered.yes),
        partly: small(m.survey.answered.partly),
        no: small(m.survey.answered.no),
      },
      ease: mapValues(m.survey.ease, small),
      meanEase: enough(m.survey.responses, m.survey.meanEase),
      comments: small(m.survey.comments),
    },
  };
}

function suppressMonths(months: MonthMeasures[]) {
  return months.map((x) => ({ month: x.month, future: x.future, measures: suppressPeriod(x.measures) }));
}

/** The results with small counts withheld: what /estadisticas and the public API show. */
export function suppressResults(r: ServiceResults): AnyResults {
  return {
    ...r,
    current: {
      year: r.current.year,
      total: suppressPeriod(r.current.total),
      months: suppressMonths(r.current.months),
    },
    previous: {
      year: r.previous.year,
      total: suppressPeriod(r.previous.total),
      months: suppressMonths(r.previous.months),
    },
  };
}
