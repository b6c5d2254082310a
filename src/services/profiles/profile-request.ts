import type { Actor } from '../../domain/actor.ts';
import { NotFoundError } from '../../domain/errors.ts';
import type { Locale } from '../../i18n/index.ts';
import type { Deps } from '../deps.ts';
import { portalCatalog } from '../requests/catalog.ts';
import { loadPlaceProfile, type ProfileRow } from './load-place-profile.ts';
import type { ProfilePlace } from './place-slugs.ts';

/** What a profile block asks for when it becomes a request: the journey's own fields, pre-filled. */
export type ProfileRequest = {
  place: ProfilePlace;
  block: string;
  /** The block's indicators the request form offers (the agency may offer a subset of the catalog). */
  rows: ProfileRow[];
  indicators: string[];
  geo: string;
  years: number[];
};

/**
 * The request a profile block opens ("Recibir en oficio firmado"): the place, the block's indicators
 * and their years, for the journey's pre-fill. `block` is a block id or `headline` (the key figures).
 */
export function profileRequest(
  deps: Pick<Deps, 'stats' | 'clock' | 'config'>,
  actor: Actor,
  input: { slug: string; block: string; locale: Locale },
): ProfileRequest {
  const profile = loadPlaceProfile(deps, actor, {
    slug: input.slug,
    locale: input.locale,
    mapLabel: () => '',
  });
  const all =
    input.block === 'headline' ? profile.headline : profile.blocks.find((b) => b.id === input.block)?.rows;
  if (!all) throw new NotFoundError('place');
  const catalog = portalCatalog(deps.config.agency);
  const rows = all.filter((r) => catalog.isIndicator(r.indicator));
  return {
    place: profile.place,
    block: input.block,
    rows,
    indicators: rows.map((r) => r.indicator),
    geo: profile.place.id,
    years: [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b),
  };
}
