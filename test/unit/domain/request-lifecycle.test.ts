import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../../src/domain/errors.ts';
import {
  availableActions,
  isTerminal,
  REQUEST_ACTIONS,
  REQUEST_STATUSES,
  TRANSITIONS,
  transition,
} from '../../../src/domain/request-lifecycle.ts';

describe('request lifecycle', () => {
  it('follows the usual path from received to delivered', () => {
    let s = transition('received', 'triage');
    s = transition(s, 'assign');
    s = transition(s, 'start_preparation');
    s = transition(s, 'submit_for_approval');
    s = transition(s, 'return_for_changes');
    s = transition(s, 'submit_for_approval');
    s = transition(s, 'sign');
    s = transition(s, 'deliver');
    expect(s).toBe('delivered');
  });

  it('refuses an action that is not allowed from the current status', () => {
    expect(() => transition('delivered', 'cancel')).toThrow(ConflictError);
    expect(() => transition('received', 'sign')).toThrow(ConflictError);
  });

  it('lets nothing leave a terminal status', () => {
    for (const s of REQUEST_STATUSES.filter(isTerminal)) expect(availableActions(s)).toEqual([]);
  });

  it('reaches every status from received', () => {
    const seen = new Set<string>(['received']);
    let frontier = ['received'] as (typeof REQUEST_STATUSES)[number][];
    while (frontier.length) {
      const next = frontier.flatMap((s) =>
        REQUEST_ACTIONS.filter((a) => TRANSITIONS[a].from.includes(s)).map((a) => TRANSITIONS[a].to),
      );
      frontier = next.filter((s) => !seen.has(s));
      for (const s of frontier) seen.add(s);
    }
    expect([...seen].sort()).toEqual([...REQUEST_STATUSES].sort());
  });
});
