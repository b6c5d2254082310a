import { z } from 'zod';
import { appendAudit } from '../../db/audit.ts';
import { adminSettings } from '../../db/schema/index.ts';
import type { Actor } from '../../domain/actor.ts';
import { authorize } from '../../domain/permissions.ts';
import type { Deps } from '../deps.ts';
import { INDICATOR_TEXT_PREFIX } from './agency-texts.ts';
import { parseStaffInput } from './input.ts';

const schema = z.object({
  indicator: z.string().regex(/^[a-z0-9_]{1,60}$/, 'staff.err.indicator'),
  name: z.string().trim().min(3, 'staff.err.name').max(200, 'staff.err.too_long'),
  definition: z.string().trim().min(10, 'staff.err.definition').max(2000, 'staff.err.too_long'),
});

/** The admin rewrites an indicator's public name and definition (the computation is not touched). */
export async function updateIndicatorText(deps: Deps, actor: Actor, raw: unknown) {
  authorize(actor, 'catalog.manage');
  const input = parseStaffInput(schema, raw);
  const now = deps.clock.now();
  const key = `${INDICATOR_TEXT_PREFIX}${input.indicator}`;
  const value = { name: input.name, definition: input.definition };
  const by = (actor as { id: string }).id;
  await deps.db.transaction(async (tx) => {
    await tx
      .insert(adminSettings)
      .values({ key, value, updatedBy: by, updatedAt: now })
      .onConflictDoUpdate({ target: adminSettings.key, set: { value, updatedBy: by, updatedAt: now } });
    await appendAudit(tx, { actor, action: 'settings.indicator_text', subject: key, data: value, at: now });
  });
}
