import type { RequestRow } from '../../db/requests.ts';
import type { OficioDraft } from '../../documents/issue.ts';
import { formatDate } from '../../i18n/format.ts';
import { type MessageKey, type Params, translate } from '../../i18n/index.ts';
import type { Deps } from '../deps.ts';
import { oficioFrame } from './compose.ts';

const t = (key: MessageKey, params?: Params) => translate('es-MX', key, params);

/**
 * The oficio that declares a request not admissible (no procedente): the legal ground, the staff's
 * explanation, and the requester's right to a recurso de revisión (before whom, where, within how many
 * working days: the agency's config). Same letterhead, signatory and seal block as an answer; no table.
 */
export function rejectionOficioDraft(
  deps: Pick<Deps, 'config'>,
  req: RequestRow,
  issue: {
    number: string;
    code: string;
    issuedAt: Date;
    reason: string;
    text: string;
    signatureNote: string;
  },
): OficioDraft {
  const { agency } = deps.config;
  const appeal = agency.recursoRevision;
  return {
    ...oficioFrame(deps, req, issue),
    subject: t('oficio.rejection.subject'),
    paragraphs: [
      t('oficio.rejection.intro', {
        folio: req.folio,
        receivedAt: formatDate(req.receivedAt, 'es-MX', agency.timezone),
      }),
      `${issue.reason}.`,
      // The staff's explanation, paragraph by paragraph, as plain text.
      ...issue.text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean),
      [
        t('oficio.rejection.recurso', { venue: appeal.venue, days: appeal.workingDays }),
        appeal.where ? t('oficio.rejection.recurso_where', { where: appeal.where }) : '',
      ]
        .filter(Boolean)
        .join(' '),
    ],
    table: { headers: [], rows: [] },
    sources: [],
    notes: [],
    attachments: [],
    signatory: agency.signatory,
    signatureNote: issue.signatureNote,
  };
}
