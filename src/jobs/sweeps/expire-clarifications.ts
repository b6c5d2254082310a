import { expireOverdueClarifications } from '../../services/staff/expire-clarification.ts';
import type { Sweep } from './types.ts';

export const expireClarificationsSweep: Sweep = {
  name: 'expire-clarifications',
  everyMs: 15 * 60_000,
  run: (deps) => expireOverdueClarifications(deps, deps.clock.now()),
};
