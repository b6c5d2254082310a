import { formatDate } from '../../i18n/format.ts';
import type { Locale, Translate } from '../../i18n/index.ts';
import { downloadAllLabel } from '../../services/answers/file-listing.ts';
import type { AnswerDownloads } from '../../services/requests/documents.ts';

/**
 * The answer's files as the requester sees them: each in words with its format and size, the ZIP as
 * "Descargar todo", when the e-mail's links expire, and what was asked and not produced, with why.
 */
export function AnswerFiles(props: {
  t: Translate;
  locale: Locale;
  timeZone: string;
  downloads: AnswerDownloads;
}) {
  const { t, downloads: d } = props;
  if (d.files.length === 0 && d.omitted.length === 0) return null;
  return (
    <section aria-labelledby="documentos">
      <h2 id="documentos">{t('portal.detail.documents')}</h2>
      <ul class="file-list">
        {d.files.map((f) => (
          <li>
            <a href={f.url} download={f.name}>
              {f.label}
            </a>
          </li>
        ))}
      </ul>
      {d.bundle ? (
        <p>
          <a class="button button--secondary" href={d.bundle.url} download={d.bundle.name}>
            {downloadAllLabel(d.bundle, props.locale)}
          </a>
        </p>
      ) : null}
      {d.mailLinksExpireAt ? (
        <p class="hint">
          {t('files.portal_expires', {
            date: formatDate(d.mailLinksExpireAt, props.locale, props.timeZone),
          })}
        </p>
      ) : null}
      {d.omitted.length > 0 ? (
        <>
          <h3>{t('files.omitted_title')}</h3>
          <ul>
            {d.omitted.map((reason) => (
              <li>{reason}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
