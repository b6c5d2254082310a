import { z } from 'zod';
import { appendAudit } from '../../db/audit.ts';
import { adminSettings } from '../../db/schema/index.ts';
import type { Actor } from '../../domain/actor.ts';
import { authorize } from '../../domain/permissions.ts';
import type { Deps } from '../deps.ts';
import { AGENCY_TEXTS_KEY, agencyTexts } from './agency-texts.ts';
import { parseStaffInput } from './input.ts';

const line = z.string().trim().max(200, 'staff.err.too_long');
const schema = z.object({
  letterhead: z
    .string()
    .transform((s) =>
      s
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean),
    )
    .pipe(z.array(line).min(1, 'staff.err.letterhead').max(6, 'staff.err.letterhead')),
  signatoryName: line.pipe(z.string().min(3, 'staff.err.name')),
  signatoryPost: line.pipe(z.string().min(3, 'staff.err.post')),
});

/** The admin edits the letterhead lines and the signatory shown on answers; audited with before/after. */
export async function updateAgencyTexts(deps: Deps, actor: Actor, raw: unknown) {
  authorize(actor, 'settings.manage');
  const input = parseStaffInput(schema, raw);
  const before = await agencyTexts(deps);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await tx
      .insert(adminSettings)
      .values({
        key: AGENCY_TEXTS_KEY,
        value: input,
        updatedBy: (actor as { id: string }).id,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: adminSettings.key,
        set: { value: input, updatedBy: (actor as { id: string }).id, updatedAt: now },
      });
    await appendAudit(tx, {
      actor,
      action: 'settings.agency_texts',
      subject: AGENCY_TEXTS_KEY,
      data: { before, after: input },
      at: now,
    });
  });
}
