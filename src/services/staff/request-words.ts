import { STAFF_ROLES, type StaffRole } from '../../domain/actor.ts';
import { parseGeoId } from '../../domain/geography.ts';
import { formatNumber } from '../../i18n/format.ts';
import { isMessageKey, type MessageKey, type Translate } from '../../i18n/index.ts';
import type { Deps } from '../deps.ts';
import { indicatorName, type PortalCatalog, portalCatalog } from '../requests/catalog.ts';
import { AGENCY_TEXTS_KEY, INDICATOR_TEXT_PREFIX } from './agency-texts.ts';

/**
 * The staff pages' words for what the database stores as codes: places, indicators, formats, timeline
 * and audit actions, actors. Every lookup has a readable fallback, so a code added tomorrow shows as
 * words, never as `mun:15106`, `request.signed` or `staff:<uuid>`.
 */

/** A municipality a polygon covers and the share of its area inside the polygon (0–1). */
export type PolygonShare = { code: string; name: string; share: number };

const polygonMemo = new Map<string, PolygonShare[] | null>();

/**
 * The municipalities a drawn polygon covers, largest share first, as the engine resolves it (by area
 * share); null when the engine cannot (no boundaries loaded, or the polygon is outside the state).
 */
export function polygonShares(deps: Pick<Deps, 'stats'>, geojson: unknown): PolygonShare[] | null {
  if (!geojson || !(deps as Partial<Deps>).stats) return null;
  const key = JSON.stringify(geojson);
  if (polygonMemo.has(key)) return polygonMemo.get(key)!;
  let out: PolygonShare[] | null = null;
  try {
    const resolved = deps.stats.resolveGeo(geojson);
    const places = portalCatalog().places;
    out = resolved.members
      .map((m) => ({ code: m.code, name: places.municipalityName(m.code) ?? m.code, share: m.weight }))
      .sort((a, b) => b.share - a.share);
  } catch {
    out = null;
  }
  if (polygonMemo.size > 500) polygonMemo.clear();
  polygonMemo.set(key, out);
  return out;
}

function share(t: Translate, s: PolygonShare): string {
  const pct = s.share * 100;
  return t('staff.words.share', { name: s.name, pct: pct < 1 ? '<1' : formatNumber(pct, 0) });
}

/**
 * A request's place in words: "Toluca (mun. 15106)", "Región XIII Toluca", "ZM de Toluca",
 * "3 municipios: Metepec, Toluca, Zinacantepec", "Polígono (3 municipios: Metepec 30 %, …)".
 * `limit` caps how many municipalities of a polygon are named (the rest become "…").
 */
export function placeLabel(
  t: Translate,
  catalog: PortalCatalog,
  geo: string,
  polygon?: PolygonShare[] | null,
  limit = 3,
): string {
  if (geo === 'polygon' || geo.startsWith('polygon:')) {
    if (!polygon || polygon.length === 0) return t('staff.words.polygon_unresolved');
    const named = polygon.slice(0, limit).map((s) => share(t, s));
    if (polygon.length > limit) named.push('…');
    return t('staff.words.polygon', { count: polygon.length, detail: named.join(', ') });
  }
  const ref = parseGeoId(geo);
  if (!ref) return t('staff.words.unknown_place');
  if (ref.level === 'set') {
    const names = ref.codes.map((c) => catalog.places.municipalityName(c) ?? t('staff.words.unknown_place'));
    return t('portal.geo.set_name', { count: names.length, names: names.join(', ') });
  }
  const place = catalog.place(geo);
  if (!place) return t('staff.words.unknown_place');
  if (ref.level === 'mun') return t('staff.words.municipality', { name: place.name, code: ref.code });
  return place.name;
}

/** Indicator ids as their names, in the order asked. */
export function indicatorNames(t: Translate, ids: readonly string[]): string[] {
  return ids.map((id) => {
    const name = indicatorName(t, id);
    return name === id ? t('staff.words.unknown_indicator') : name;
  });
}

/** A delivery format in words ("Excel (XLSX)", "Mapa"). */
export function formatLabel(t: Translate, format: string): string {
  return wordsOr(t, `portal.format.${format}`, format);
}

/** A timeline event's action in words. */
export function eventLabel(t: Translate, action: string): string {
  return wordsOr(t, `staff.event.${action}`, action);
}

/**
 * An audit entry's action in words: its own catalog entry, else (for `request.<action>`) the
 * timeline's words for the same action, else the code spelled out.
 */
export function auditActionLabel(t: Translate, action: string): string {
  const own = `staff.audit_action.${action}`;
  if (isMessageKey(own)) return t(own);
  if (action.startsWith('request.')) {
    const event = `staff.event.${action.slice('request.'.length)}`;
    if (isMessageKey(event)) return t(event);
  }
  return spelledOut(t, action);
}

export type StaffName = { name: string; role: StaffRole };

/**
 * Who did something, from the stored actor label (`staff:<uuid>`, `requester`, `sistema`,
 * `anonymous`): a staff member by name and role, the others in words.
 */
export function actorWords(t: Translate, label: string, staff: ReadonlyMap<string, StaffName>): string {
  if (label.startsWith('staff:')) {
    const person = staff.get(label.slice('staff:'.length));
    if (!person) return t('staff.words.actor.former_staff');
    const role = STAFF_ROLES.includes(person.role) ? t(`staff.role.${person.role}`) : '';
    return role ? t('staff.words.actor.staff', { name: person.name, role }) : person.name;
  }
  const key = `staff.words.actor.${label}`;
  return isMessageKey(key) ? t(key) : t('staff.words.actor.other');
}

function wordsOr(t: Translate, key: string, code: string): string {
  return isMessageKey(key) ? t(key as MessageKey) : spelledOut(t, code);
}

/** A code no catalog knows yet, as words ("answer draft saved"), never the raw code. */
function spelledOut(t: Translate, code: string): string {
  const words = code
    .replace(/^[a-z]+:/, '')
    .split(/[._:-]+/)
    .filter(Boolean)
    .join(' ');
  return t('staff.words.other_action', { words });
}

/**
 * What an audit entry is about, in words: a folio (linked to its request), a staff account by name,
 * a calendar day, an indicator's texts, a failed task… Anything else (a verification code) as stored.
 */
export function auditSubject(
  t: Translate,
  subject: string,
  staff: ReadonlyMap<string, StaffName>,
): { text: string; folio?: string } {
  if (/^[A-Z][A-Z0-9]*-\d{4}-\d+$/.test(subject)) return { text: subject, folio: subject };
  if (subject.startsWith('staff:')) return { text: actorWords(t, subject, staff) };
  const [kind, ...rest] = subject.split(':');
  const value = rest.join(':');
  if (subject.startsWith(INDICATOR_TEXT_PREFIX))
    return { text: t('staff.audit.subject.indicator', { name: indicatorName(t, value) }) };
  if (kind === 'email' && value) return { text: t('staff.audit.subject.email', { email: value }) };
  if (kind === 'calendar' && value) return { text: t('staff.audit.subject.calendar', { date: value }) };
  if (kind === 'outbox' && value) return { text: t('staff.audit.subject.outbox', { id: value }) };
  if (subject === AGENCY_TEXTS_KEY) return { text: t('staff.texts.agency') };
  const own = `staff.audit.subject.${subject}`;
  if (isMessageKey(own)) return { text: t(own) };
  return { text: subject };
}
