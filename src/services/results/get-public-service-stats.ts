import { computeServiceMeasures } from '../../domain/service-measures.ts';
import type { Deps } from '../deps.ts';
import { loadMeasureInput } from './load-measure-input.ts';
import { type AnyResults, suppressResults } from './public-stats.ts';

/** Public figures may be a few minutes old: the page and the API are open to anyone, the work is not small. */
const CACHE_MS = 5 * 60_000;
const caches = new WeakMap<object, Map<number, { at: number; value: Promise<AnyResults> }>>();

/** The public statistics of a whole year (and the year before), with counts from 1 to 4 withheld. */
export async function getPublicServiceStats(
  deps: Pick<Deps, 'db' | 'config' | 'clock'>,
  year: number,
): Promise<AnyResults> {
  let cache = caches.get(deps.db);
  if (!cache) {
    cache = new Map();
    caches.set(deps.db, cache);
  }
  const now = deps.clock.now().getTime();
  const hit = cache.get(year);
  if (hit && now - hit.at < CACHE_MS && now >= hit.at) return hit.value;
  const value = compute(deps, year);
  cache.set(year, { at: now, value });
  value.catch(() => cache.delete(year));
  return value;
}

async function compute(deps: Pick<Deps, 'db' | 'config' | 'clock'>, year: number): Promise<AnyResults> {
  const input = await loadMeasureInput(deps, year);
  return suppressResults(computeServiceMeasures({ ...input, year, fromMonth: 1, toMonth: 12, sector: null }));
}
