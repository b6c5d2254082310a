import type { AgencyConfig } from '../../config/agency.ts';
import { relativeChange, STAGES, type Stage, TOP_MUNICIPALITIES } from '../../domain/service-measures.ts';
import { formatNumber, formatPercent } from '../../i18n/format.ts';
import { isMessageKey, type Locale, type MessageKey, type Translate } from '../../i18n/index.ts';
import { placeCatalog } from '../../stats/geography/catalog.ts';
import { sectorName } from '../requests/catalog.ts';
import type { PublicPeriodMeasures, Small } from './public-stats.ts';

/** How a measure's value reads: a count, working hours, a share (0–1) or a 1–5 score. */
export type MeasureKind = 'count' | 'hours' | 'share' | 'score';
export type MeasureValue = number | Small | null;

export type SummaryMeasure = {
  key: string;
  label: MessageKey;
  /** The definition shown on the page; several measures can share one. */
  definition: MessageKey;
  kind: MeasureKind;
  get(m: PublicPeriodMeasures): MeasureValue;
};

const measure = (
  key: string,
  label: MessageKey,
  definition: MessageKey,
  kind: MeasureKind,
  get: SummaryMeasure['get'],
): SummaryMeasure => ({ key, label, definition, kind, get });

const stage = (s: Stage) =>
  measure(
    `stage_${s}_hours`,
    `results.m.stage.${s}`,
    'results.def.stages',
    'hours',
    (m) => m.stageMedianHours[s],
  );

/** The measures of the year-over-year table and of the monthly export, in order. */
export const SUMMARY_MEASURES: readonly SummaryMeasure[] = [
  measure('received', 'results.m.received', 'results.def.received', 'count', (m) => m.received),
  measure('answered', 'results.m.answered', 'results.def.answered', 'count', (m) => m.answered),
  measure(
    'answered_auto',
    'results.m.answeredAuto',
    'results.def.answeredAuto',
    'count',
    (m) => m.answeredAuto,
  ),
  measure(
    'answered_staff',
    'results.m.answeredStaff',
    'results.def.answeredStaff',
    'count',
    (m) => m.answeredStaff,
  ),
  measure('rejected', 'results.m.rejected', 'results.def.rejected', 'count', (m) => m.rejected),
  measure('cancelled', 'results.m.cancelled', 'results.def.cancelled', 'count', (m) => m.cancelled),
  measure('expired', 'results.m.expired', 'results.def.expired', 'count', (m) => m.expired),
  measure('pending', 'results.m.pending', 'results.def.pending', 'count', (m) => m.pending),
  measure('requesters', 'results.m.requesters', 'results.def.requesters', 'count', (m) => m.requesters),
  measure(
    'new_requesters',
    'results.m.newRequesters',
    'results.def.newRequesters',
    'count',
    (m) => m.newRequesters,
  ),
  measure(
    'returning_requesters',
    'results.m.returningRequesters',
    'results.def.returningRequesters',
    'count',
    (m) => m.returningRequesters,
  ),
  measure(
    'median_hours',
    'results.m.medianHours',
    'results.def.medianHours',
    'hours',
    (m) => m.answerTime.medianHours,
  ),
  measure('p90_hours', 'results.m.p90Hours', 'results.def.p90Hours', 'hours', (m) => m.answerTime.p90Hours),
  measure(
    'within_sla_share',
    'results.m.withinSlaShare',
    'results.def.withinSlaShare',
    'share',
    (m) => m.answerTime.withinSlaShare,
  ),
  measure('overdue', 'results.m.overdue', 'results.def.overdue', 'count', (m) => m.overdue),
  ...(Object.keys(STAGES) as Stage[]).map(stage),
  measure(
    'survey_responses',
    'results.m.surveyResponses',
    'results.def.survey',
    'count',
    (m) => m.survey.responses,
  ),
  measure('mean_ease', 'results.m.meanEase', 'results.def.survey', 'score', (m) => m.survey.meanEase),
  measure('comments', 'results.m.comments', 'results.def.survey', 'count', (m) => m.survey.comments),
];

/** The definitions listed on the pages, in order, each once. */
export const DEFINITIONS: readonly { label: MessageKey; definition: MessageKey }[] = [
  ...SUMMARY_MEASURES.slice(0, 11),
  { label: 'results.m.bySector', definition: 'results.def.bySector' },
  { label: 'results.m.topics', definition: 'results.def.topics' },
  { label: 'results.m.geoLevels', definition: 'results.def.geoLevels' },
  { label: 'results.m.topMunicipalities', definition: 'results.def.topMunicipalities' },
  ...SUMMARY_MEASURES.filter((m) =>
    ['median_hours', 'p90_hours', 'within_sla_share', 'overdue'].includes(m.key),
  ),
  { label: 'results.m.stages', definition: 'results.def.stages' },
  { label: 'results.section.satisfaction', definition: 'results.def.survey' },
].map(({ label, definition }) => ({ label, definition }) as { label: MessageKey; definition: MessageKey });

/** Parameters every measure label and definition may use. */
export function measureParams(slaHours: number) {
  return { hours: formatNumber(slaHours), n: TOP_MUNICIPALITIES };
}

/** A value as the pages show it: `1,234`, `44.5 h`, `75.0 %`, `4.2`, `<5`, or `—`. */
export function formatMeasure(t: Translate, kind: MeasureKind, value: MeasureValue): string {
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  switch (kind) {
    case 'count':
      return formatNumber(value, 0);
    case 'hours':
      return t('results.unit.hours', { value: formatNumber(value, 1) });
    case 'share':
      return formatPercent(value * 100);
    case 'score':
      return formatNumber(value, 1);
  }
}

/** Change between two values as a fraction, or null (no base, or a value withheld). */
export function changeOf(current: MeasureValue, previous: MeasureValue): number | null {
  return typeof current === 'number' && typeof previous === 'number'
    ? relativeChange(current, previous)
    : null;
}

const labelOr = (t: Translate, key: string, fallback: string) => (isMessageKey(key) ? t(key) : fallback);

export const monthName = (t: Translate, month: number) => labelOr(t, `results.month.${month}`, String(month));
/** The agency's sectors (`agency.sectors`, in its order) with their labels, as the results list them. */
export type SectorLabel = { id: string; label: string };
export const agencySectors = (
  t: Translate,
  locale: Locale,
  agency: Pick<AgencyConfig, 'sectors' | 'sectorLabels'>,
): SectorLabel[] => agency.sectors.map((id) => ({ id, label: sectorName(t, locale, agency, id) }));
export const topicLabel = (t: Translate, id: string) =>
  labelOr(t, id === 'other' ? 'results.other_topic' : `stats.topic.${id}`, id);
export const geoLevelLabel = (t: Translate, level: string) => labelOr(t, `results.geo.${level}`, level);
export const municipalityName = (code: string) => placeCatalog().municipalityName(code) ?? code;
