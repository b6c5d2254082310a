import type { Actor } from '../../domain/actor.ts';
import { authorize } from '../../domain/permissions.ts';
import { computeServiceMeasures, type ServiceResults } from '../../domain/service-measures.ts';
import type { Deps } from '../deps.ts';
import type { ResultsFilters } from './filters.ts';
import { loadMeasureInput } from './load-measure-input.ts';

/** The service's results for staff (director, admin, auditor…): every measure, no counts withheld. */
export async function getServiceResults(
  deps: Pick<Deps, 'db' | 'config' | 'clock'>,
  actor: Actor,
  filters: ResultsFilters,
): Promise<ServiceResults> {
  authorize(actor, 'results.view');
  const input = await loadMeasureInput(deps, filters.year);
  return computeServiceMeasures({ ...input, ...filters });
}
