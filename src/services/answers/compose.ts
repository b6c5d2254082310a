import { desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import type { RequestRow } from '../../db/requests.ts';
import { type AnswerFile, answers, oficioCounters } from '../../db/schema/index.ts';
import { newVerificationCode } from '../../documents/codes.ts';
import type { AnswerData, DataRow } from '../../documents/data-model.ts';
import type { OficioDraft } from '../../documents/issue.ts';
import { ConflictError } from '../../domain/errors.ts';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { translate } from '../../i18n/index.ts';
import type { ValueResult, ValueSource } from '../../stats/engine.ts';
import type { Deps } from '../deps.ts';
import { agencyYear } from './record-signed.ts';

const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
  translate('es-MX', key, params);

function sourceText(sources: ValueSource[]): string {
  return sources
    .map((s) => [s.title, s.edition ? `(${s.edition})` : null, s.table].filter(Boolean).join(' '))
    .join('; ');
}

/** The figures of a request from `deps.stats`, in the form the data files and the oficio use. */
export function answerDataFor(deps: Pick<Deps, 'stats' | 'config'>, req: RequestRow, now: Date): AnswerData {
  const geoQuery = req.geoGeojson ?? req.geo;
  const table = deps.stats.table({ indicators: req.indicators, geo: geoQuery, years: req.years });
  const resolved = deps.stats.resolveGeo(geoQuery);
  const names = new Map(deps.stats.geographies('mun').map((g) => [g.id, g.name]));
  const catalog = new Map(deps.stats.indicators().map((i) => [i.id, i]));
  const rows: DataRow[] = table.rows.map((r: ValueResult) => ({
    indicatorId: r.indicator,
    indicatorName: r.indicatorName,
    geoId: r.geo,
    geoName: r.geoName,
    year: r.year,
    value: r.value,
    unitLabel: r.unitLabel,
    decimals: r.decimals,
    numerator: r.numerator,
    denominator: r.denominator,
    source: sourceText(r.source),
    notes: r.notes,
  }));
  const indicators = req.indicators.map((id) => {
    const entry = catalog.get(id);
    const first = table.rows.find((r) => r.indicator === id);
    const sources = [
      ...new Set(table.rows.filter((r) => r.indicator === id).map((r) => sourceText(r.source))),
    ];
    return {
      id,
      name: entry?.name ?? first?.indicatorName ?? id,
      definition: entry?.definition ?? '',
      unitLabel: first?.unitLabel ?? entry?.unitLabel ?? '',
      decimals: first?.decimals ?? 0,
      sources: sources.length > 0 ? sources : entry ? [entry.source.title] : [],
    };
  });
  return {
    folio: req.folio,
    generatedAt: now,
    timeZone: deps.config.agency.timezone,
    agencyName: deps.config.agency.name,
    geo: {
      id: resolved.id,
      name: table.geoName,
      members: resolved.members.map((m) => ({
        id: `mun:${m.code}`,
        name: names.get(`mun:${m.code}`) ?? m.code,
      })),
    },
    indicators,
    rows,
    notes: table.notes,
  };
}

/** A value as the oficio prints it: `1,645,352`, `7.9 %`, a category as is, "—" when missing. */
export function displayValue(row: DataRow): string {
  if (row.value === null) return '—';
  if (typeof row.value === 'string') return row.value;
  const n = formatNumber(row.value, row.decimals);
  return row.unitLabel === '%' ? `${n} %` : n;
}

// The oficio's table stays short; the files carry everything.
const OFICIO_TABLE_ROWS = 25;

/** The oficio's texts for a request and its prepared answer (signatory, number and code given). */
export function oficioDraftFor(
  deps: Pick<Deps, 'config'>,
  req: RequestRow,
  data: AnswerData,
  files: AnswerFile[],
  issue: { number: string; code: string; issuedAt: Date; signatory: { name: string; post: string } },
): OficioDraft {
  const agency = deps.config.agency;
  const years = [...new Set(data.rows.map((r) => r.year))].sort().join(', ');
  const asked = t('oficio.asked_list', {
    indicators: data.indicators.map((i) => i.name.toLowerCase()).join(', '),
    geo: data.geo.name,
    years: years || req.years.join(', '),
  });
  const rows = data.rows
    .slice(0, OFICIO_TABLE_ROWS)
    .map((r) => [r.indicatorName, r.geoName, String(r.year), displayValue(r)]);
  const suppressed = data.rows.filter((r) => r.value === null);
  const verificationUrl = `${deps.config.publicBaseUrl}/verificar/${issue.code}`;
  return {
    agencyCode: agency.code,
    letterhead: agency.letterhead,
    city: agency.city,
    oficioNumber: issue.number,
    folio: req.folio,
    issuedAt: issue.issuedAt,
    timeZone: agency.timezone,
    addressee: { name: req.requesterName, organization: req.requesterOrganization },
    subject: t('oficio.subject_default'),
    paragraphs: [
      t('oficio.intro', {
        folio: req.folio,
        receivedAt: formatDate(req.receivedAt, 'es-MX', agency.timezone),
        asked,
      }),
      t('oficio.answer_intro'),
      ...data.notes,
    ],
    table: {
      headers: [
        t('oficio.table.indicator'),
        t('oficio.table.geo'),
        t('oficio.table.year'),
        t('oficio.table.value'),
      ],
      rows,
    },
    sources: [...new Set(data.indicators.flatMap((i) => i.sources))],
    notes: suppressed.map(
      (r) => `${r.indicatorName}, ${r.geoName}, ${r.year}${r.notes.length ? ` — ${r.notes.join(' ')}` : ''}`,
    ),
    attachments: files
      .filter((f) => f.kind !== 'oficio' && f.kind !== 'zip')
      .map((f) => ({ name: f.name, sha256: f.sha256 })),
    signatory: issue.signatory,
    verificationUrl,
    verificationCode: issue.code,
  };
}

/** Next número de oficio, `COESPO/DO/2026/000042`: gapless per agency and year (row lock, in `tx`). */
export async function nextOficioNumber(tx: Database, agencyCode: string, year: number): Promise<string> {
  const [row] = await tx
    .insert(oficioCounters)
    .values({ agencyCode, year, lastValue: 1 })
    .onConflictDoUpdate({
      target: [oficioCounters.agencyCode, oficioCounters.year],
      set: { lastValue: sql`${oficioCounters.lastValue} + 1` },
    })
    .returning({ value: oficioCounters.lastValue });
  return `${agencyCode}/DO/${year}/${String(row!.value).padStart(6, '0')}`;
}

/** The request's current answer (the newest that is not superseded). */
export async function currentAnswer(db: Database, requestId: string) {
  const rows = await db
    .select()
    .from(answers)
    .where(eq(answers.requestId, requestId))
    .orderBy(desc(answers.createdAt));
  return rows.find((a) => a.status !== 'superseded');
}

/** The prepared answer a signature is for: without one there is nothing to sign. */
export async function preparedAnswer(db: Database, requestId: string) {
  const answer = await currentAnswer(db, requestId);
  if (answer?.status !== 'prepared') throw new ConflictError('documents.error.no_answer');
  return answer;
}

/** The oficio about to be signed: takes the next número (in `tx`) and a new verification code. */
export async function numberedOficioDraft(
  tx: Database,
  deps: Pick<Deps, 'config'>,
  req: RequestRow,
  answer: typeof answers.$inferSelect,
  issue: { issuedAt: Date; signatory: { name: string; post: string } },
): Promise<OficioDraft> {
  const number = await nextOficioNumber(tx, deps.config.agency.code, agencyYear(deps, issue.issuedAt));
  return oficioDraftFor(deps, req, answer.data as unknown as AnswerData, answer.files, {
    number,
    code: newVerificationCode(),
    ...issue,
  });
}
