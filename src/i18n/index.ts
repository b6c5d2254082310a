// Message catalogs. Each area keeps its own file per locale; Spanish (es-MX) is the reference and the
// type of every other locale's catalog, so a missing key fails the typecheck.
import { abuse as enAbuse } from './en/abuse.ts';
import { ask as enAsk } from './en/ask.ts';
import { backup as enBackup } from './en/backup.ts';
import { common as enCommon } from './en/common.ts';
import { documents as enDocuments } from './en/documents.ts';
import { journey as enJourney } from './en/journey.ts';
import { mail as enMail } from './en/mail.ts';
import { portal as enPortal } from './en/portal.ts';
import { privacy as enPrivacy } from './en/privacy.ts';
import { profiles as enProfiles } from './en/profiles.ts';
import { results as enResults } from './en/results.ts';
import { signingReview as enSigningReview } from './en/signing-review.ts';
import { staff as enStaff } from './en/staff.ts';
import { stats as enStats } from './en/stats.ts';
import { statsCatalog as enStatsCatalog } from './en/stats-catalog.ts';
import { trust as enTrust } from './en/trust.ts';
import { workbench as enWorkbench } from './en/workbench.ts';
import { abuse as esAbuse } from './es-MX/abuse.ts';
import { ask as esAsk } from './es-MX/ask.ts';
import { backup as esBackup } from './es-MX/backup.ts';
import { common as esCommon } from './es-MX/common.ts';
import { documents as esDocuments } from './es-MX/documents.ts';
import { journey as esJourney } from './es-MX/journey.ts';
import { mail as esMail } from './es-MX/mail.ts';
import { portal as esPortal } from './es-MX/portal.ts';
import { privacy as esPrivacy } from './es-MX/privacy.ts';
import { profiles as esProfiles } from './es-MX/profiles.ts';
import { results as esResults } from './es-MX/results.ts';
import { signingReview as esSigningReview } from './es-MX/signing-review.ts';
import { staff as esStaff } from './es-MX/staff.ts';
import { stats as esStats } from './es-MX/stats.ts';
import { statsCatalog as esStatsCatalog } from './es-MX/stats-catalog.ts';
import { trust as esTrust } from './es-MX/trust.ts';
import { workbench as esWorkbench } from './es-MX/workbench.ts';

export const LOCALES = ['es-MX', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'es-MX';

const es = {
  ...esCommon,
  ...esPortal,
  ...esJourney,
  ...esMail,
  ...esDocuments,
  ...esStats,
  ...esStatsCatalog,
  ...esResults,
  ...esStaff,
  ...esPrivacy,
  ...esBackup,
  ...esTrust,
  ...esSigningReview,
  ...esWorkbench,
  ...esAbuse,
  ...esProfiles,
  ...esAsk,
};
export type MessageKey = keyof typeof es;
const en: Record<MessageKey, string> = {
  ...enCommon,
  ...enPortal,
  ...enJourney,
  ...enMail,
  ...enDocuments,
  ...enStats,
  ...enStatsCatalog,
  ...enResults,
  ...enStaff,
  ...enPrivacy,
  ...enBackup,
  ...enTrust,
  ...enSigningReview,
  ...enWorkbench,
  ...enAbuse,
  ...enProfiles,
  ...enAsk,
};

export const CATALOGS: Record<Locale, Record<MessageKey, string>> = { 'es-MX': es, en };

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(es, key);
}

/** The message for `key` in `locale`, with `{name}` placeholders filled in. */
export function translate(locale: Locale, key: MessageKey, params: Params = {}): string {
  const template = CATALOGS[locale][key] ?? es[key];
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export function translator(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params);
}

export function parseLocale(value: string | undefined | null): Locale | undefined {
  if (!value) return undefined;
  const v = value.toLowerCase();
  if (v.startsWith('en')) return 'en';
  if (v.startsWith('es')) return 'es-MX';
  return undefined;
}
