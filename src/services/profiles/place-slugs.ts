import type { PlaceLevel } from '../../domain/geography.ts';
import type { GeographyEntry, StatsEngine } from '../../stats/engine.ts';

/** A place as the profile pages list it: its geography id, its address under /lugares and its name. */
export type ProfilePlace = { id: string; slug: string; name: string; level: PlaceLevel; members: string[] };

/**
 * The address of a place's profile: its official name without accents, lower case, words joined by
 * hyphens; a zone's parenthesised member count is left out so the address does not change with it
 * ("ZM del Valle de México, parte mexiquense (59 de 76 municipios)" → zm-del-valle-de-mexico-parte-mexiquense).
 */
export function placeSlug(name: string): string {
  return name
    .replace(/\([^)]*\)/g, ' ')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const LEVEL_ORDER: readonly PlaceLevel[] = ['state', 'region', 'zm', 'mun'];
const indexes = new WeakMap<StatsEngine, { all: ProfilePlace[]; bySlug: Map<string, ProfilePlace> }>();

/**
 * Every place with a profile (the state, its regions, zones and municipalities), in that order. Two
 * places whose names fold to the same slug would be a catalog error: the second gets its id appended,
 * so no address ever shows the wrong place.
 */
export function profilePlaces(stats: StatsEngine): {
  all: ProfilePlace[];
  bySlug: Map<string, ProfilePlace>;
} {
  let index = indexes.get(stats);
  if (!index) {
    const all: ProfilePlace[] = [];
    const bySlug = new Map<string, ProfilePlace>();
    for (const level of LEVEL_ORDER) {
      for (const g of stats.geographies(level) as GeographyEntry[]) {
        let slug = placeSlug(g.name);
        if (bySlug.has(slug)) slug = `${slug}-${placeSlug(g.id)}`;
        const place = { id: g.id, slug, name: g.name, level, members: g.members };
        all.push(place);
        bySlug.set(slug, place);
      }
    }
    index = { all, bySlug };
    indexes.set(stats, index);
  }
  return index;
}
