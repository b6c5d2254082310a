import { z } from 'zod';
import type { Actor } from '../../domain/actor.ts';
import { InvalidInputError } from '../../domain/errors.ts';
import { translate } from '../../i18n/index.ts';
import type { Deps } from '../deps.ts';
import { parseStaffInput } from '../staff/input.ts';
import { currentDraft } from './answer-draft.ts';
import { appendDraftVersion, authorizeDraftChange, loadEditableRequest } from './draft-store.ts';

const schema = z.object({
  folio: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'workbench.err.annex_unknown'),
});

/**
 * The assigned técnico removes an annex from the draft while the request is in preparation. The
 * bytes stay in the document store (content-addressed, immutable); the draft no longer lists them.
 */
export async function removeAnswerAnnex(deps: Deps, actor: Actor, raw: unknown) {
  authorizeDraftChange(actor);
  const input = parseStaffInput(schema, raw);
  const req = await loadEditableRequest(deps, actor, input.folio);
  const draft = await currentDraft(deps.db, req);
  const removed = draft.content.annexes.find((a) => a.sha256 === input.sha256);
  if (!removed)
    throw new InvalidInputError([
      { field: 'sha256', message: translate('es-MX', 'workbench.err.annex_unknown') },
    ]);
  const now = deps.clock.now();
  return deps.db.transaction((tx) =>
    appendDraftVersion(tx, actor, req, {
      before: draft.content,
      after: { ...draft.content, annexes: draft.content.annexes.filter((a) => a !== removed) },
      baseVersion: draft.version,
      now,
      audit: { removedAnnex: { name: removed.name, sha256: removed.sha256 } },
    }),
  );
}
