import { z } from 'zod';
import { appendAudit } from '../../db/audit.ts';
import { calendarNonWorkingDays } from '../../db/schema/index.ts';
import type { Actor } from '../../domain/actor.ts';
import { InvalidInputError } from '../../domain/errors.ts';
import { authorize } from '../../domain/permissions.ts';
import { translate } from '../../i18n/index.ts';
import type { Deps } from '../deps.ts';
import { parseStaffInput } from '../staff/input.ts';
import { slaMs } from './compute-due-at.ts';
import { loadCalendar } from './load-calendar.ts';
import { recomputeDueDates } from './recompute-due-dates.ts';

const schema = z.object({
  date: z.iso.date('staff.err.date'),
  description: z.string().trim().min(3, 'staff.err.description').max(200, 'staff.err.too_long'),
  gazetteReference: z.string().trim().min(3, 'staff.err.gazette').max(300, 'staff.err.too_long'),
});

/** Declares a non-working day (with its Gaceta del Gobierno reference); open deadlines are recounted. */
export async function addNonWorkingDay(deps: Deps, actor: Actor, raw: unknown) {
  authorize(actor, 'calendar.manage');
  const input = parseStaffInput(schema, raw);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(calendarNonWorkingDays)
      .values({
        ...input,
        year: Number(input.date.slice(0, 4)),
        createdBy: (actor as { id: string }).id,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (!row)
      throw new InvalidInputError([{ field: 'date', message: translate('es-MX', 'staff.err.date_taken') }]);
    const recomputed = await recomputeDueDates(tx, await loadCalendar(deps, tx), slaMs(deps));
    await appendAudit(tx, {
      actor,
      action: 'calendar.day_added',
      subject: `calendar:${input.date}`,
      data: { ...input, recomputed },
      at: now,
    });
    return { date: input.date, recomputed };
  });
}
