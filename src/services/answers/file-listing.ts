import type { AnswerFile } from '../../db/schema/index.ts';
import { slug } from '../../documents/data-model.ts';
import { formatDate } from '../../i18n/format.ts';
import { isMessageKey, type Locale, translate } from '../../i18n/index.ts';

/** What an answer says it did not produce, as recorded with its figures (`AnswerData.omitted`). */
type Omitted = { format: string; reason: string };

/** The parts of a stored answer's figures (`answers.data`) the listing reads. */
export type ListingData = { indicators?: { id: string; name: string }[]; omitted?: Omitted[] };

/** "850 bytes", "12 KB", "1.2 MB": sizes as a person reads them. */
export function humanSize(bytes: number, locale: Locale): string {
  const n = (value: number, decimals: number) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: decimals }).format(value);
  if (bytes < 1000) return translate(locale, 'files.size.bytes', { n: n(bytes, 0) });
  if (bytes < 1000 * 1024)
    return translate(locale, 'files.size.kb', { n: n(Math.max(1, Math.round(bytes / 1024)), 0) });
  return translate(locale, 'files.size.mb', { n: n(bytes / (1024 * 1024), 1) });
}

/** "Excel", "PDF", "imagen PNG": the file's format in words, from its extension. */
function formatOf(name: string, locale: Locale): string {
  const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  const key = `files.format.${ext}`;
  return isMessageKey(key) ? translate(locale, key) : ext.toUpperCase();
}

/** The indicator a chart's or map's file is about: its name ends with the indicator's slug. */
function indicatorOf(file: AnswerFile, indicators: { id: string; name: string }[]): string | undefined {
  const stem = file.name.replace(/\.[^.]+$/, '');
  const matches = indicators.filter((i) => stem.endsWith(`-${slug(i.id)}`));
  return matches.sort((a, b) => slug(b.id).length - slug(a.id).length)[0]?.name;
}

/** What the file is, in words: "Tabla de datos", "Gráfica: Población total", "Anexo: informe.pdf". */
function whatOf(file: AnswerFile, data: ListingData, locale: Locale): string {
  const t = (key: Parameters<typeof translate>[1], p?: Record<string, string>) => translate(locale, key, p);
  const indicator = indicatorOf(file, data.indicators ?? []);
  switch (file.kind) {
    case 'chart':
      return indicator ? t('files.kind.chart_of', { indicator }) : t('files.kind.chart');
    case 'map':
      if (indicator) return t('files.kind.map_of', { indicator });
      return /-ubicacion\.[a-z]+$/.test(file.name) ? t('files.kind.map_locator') : t('files.kind.map');
    case 'annex':
      return t('files.kind.annex', { name: file.name });
    default: {
      const key = `files.kind.${file.kind}`;
      return isMessageKey(key) ? translate(locale, key) : t('files.kind.other', { name: file.name });
    }
  }
}

/** "Tabla de datos (Excel, 12 KB)": how the portal and the e-mail list an answer's file. */
export function fileLabel(file: AnswerFile, data: ListingData, locale: Locale): string {
  return translate(locale, 'files.label', {
    what: whatOf(file, data, locale),
    format: formatOf(file.name, locale),
    size: humanSize(file.size, locale),
  });
}

/** "Descargar todo (ZIP, 1.2 MB)". */
export function downloadAllLabel(zip: { size: number }, locale: Locale): string {
  return translate(locale, 'files.download_all', { size: humanSize(zip.size, locale) });
}

const GRAPHIC_FORMATS = ['chart', 'map'];

/**
 * What the request asked for and the answer does not carry, each with its reason: the record the
 * answer's graphics left (`omitted`), or, for an answer prepared before that record existed, every
 * asked chart or map format with no file at all.
 */
export function omittedStatements(
  data: ListingData,
  formats: string[],
  producedKinds: string[],
  locale: Locale,
): string[] {
  if (data.omitted) return [...new Set(data.omitted.map((o) => o.reason))];
  return GRAPHIC_FORMATS.filter((f) => formats.includes(f) && !producedKinds.includes(f)).map((f) =>
    translate(locale, 'files.omitted_generic', {
      format: translate(locale, f === 'chart' ? 'files.kind.chart' : 'files.kind.map'),
    }),
  );
}

/**
 * LEEME.txt of the answer's ZIP: what it is, each file in words, how to verify the oficio and what was
 * asked and not produced. Plain text with CRLF, so Notepad shows it as written.
 */
export function zipReadme(
  s: {
    folio: string;
    agencyName: string;
    at: Date;
    timeZone: string;
    verificationUrl: string;
    files: AnswerFile[];
    data: ListingData;
    omitted: string[];
  },
  locale: Locale,
): string {
  const t = (key: Parameters<typeof translate>[1], p?: Record<string, string>) => translate(locale, key, p);
  const lines = [
    t('zip.readme.title', { folio: s.folio, agency: s.agencyName }),
    t('zip.readme.date', { date: formatDate(s.at, locale, s.timeZone) }),
    '',
    t('zip.readme.contents'),
    ...s.files.map((f) => `- ${f.name}: ${fileLabel(f, s.data, locale)}`),
    '',
    t('zip.readme.verify', { url: s.verificationUrl }),
    ...(s.omitted.length > 0 ? ['', t('zip.readme.omitted'), ...s.omitted.map((r) => `- ${r}`)] : []),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
