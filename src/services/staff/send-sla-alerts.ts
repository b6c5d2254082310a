import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { appendAudit } from '../../db/audit.ts';
import { requests, slaAlerts, staffUsers } from '../../db/schema/index.ts';
import { SYSTEM } from '../../domain/actor.ts';
import { rolesWith } from '../../domain/permissions.ts';
import type { RequestStatus } from '../../domain/request-lifecycle.ts';
import { slaState } from '../../domain/working-calendar.ts';
import { slaMs } from '../calendar/compute-due-at.ts';
import { loadCalendar } from '../calendar/load-calendar.ts';
import type { Deps } from '../deps.ts';
import { queueMail } from '../mail/send-queued-mail.ts';

// Statuses whose clock runs (a prevención stops it; signed and later are answered).
const RUNNING: RequestStatus[] = ['received', 'in_review', 'assigned', 'in_preparation', 'pending_approval'];

/**
 * SLA alerts: when 75 % of a request's working time is used (due soon) and when it is overdue, the
 * assignee and ventanilla are e-mailed. Each alert is recorded once per request, kind and deadline
 * (`sla_alerts`), so reruns send nothing new; a deadline moved by a pause may alert again.
 */
export async function sendSlaAlerts(deps: Deps, now: Date): Promise<{ sent: number }> {
  const open = await deps.db
    .select({
      id: requests.id,
      folio: requests.folio,
      dueAt: requests.dueAt,
      assigneeId: requests.assigneeId,
    })
    .from(requests)
    .where(and(inArray(requests.status, RUNNING), isNotNull(requests.dueAt)));
  if (open.length === 0) return { sent: 0 };
  const calendar = await loadCalendar(deps);
  const allowed = slaMs(deps);
  const staff = await deps.db
    .select({ id: staffUsers.id, email: staffUsers.email, role: staffUsers.role })
    .from(staffUsers)
    .where(eq(staffUsers.active, true));
  // Ventanilla is whoever triages; looked up by permission, not by role name.
  const desk = staff.filter((s) => rolesWith('request.triage').includes(s.role));
  let sent = 0;
  for (const r of open) {
    const state = slaState(now, r.dueAt!, allowed, calendar);
    if (state === 'on_time') continue;
    const recipients = [...desk, ...staff.filter((s) => s.id === r.assigneeId && !desk.includes(s))];
    const fresh = await deps.db.transaction(async (tx) => {
      const [marked] = await tx
        .insert(slaAlerts)
        .values({ requestId: r.id, kind: state, dueAt: r.dueAt!, sentAt: now })
        .onConflictDoNothing()
        .returning();
      if (!marked) return false;
      const template = state === 'overdue' ? 'staff.alert_overdue' : 'staff.alert_due_soon';
      for (const to of recipients) {
        await queueMail(tx, deps, {
          template,
          to: to.email,
          dedupeKey: `mail:${template}:${r.folio}:${r.dueAt!.getTime()}:${to.id}`,
          data: {
            folio: r.folio,
            dueAt: r.dueAt!.toISOString(),
            staffUrl: `${deps.config.publicBaseUrl}/staff/solicitudes/${encodeURIComponent(r.folio)}`,
          },
        });
      }
      await appendAudit(tx, {
        actor: SYSTEM,
        action: `request.sla_${state}`,
        subject: r.folio,
        data: { dueAt: r.dueAt!.toISOString(), recipients: recipients.length },
        at: now,
      });
      return true;
    });
    if (fresh) sent++;
  }
  return { sent };
}
