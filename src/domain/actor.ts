export const STAFF_ROLES = ['ventanilla', 'tecnico', 'director', 'admin', 'auditor'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Who does something. Every use case receives one; every audit entry records one. */
export type Actor =
  | { type: 'staff'; id: string; role: StaffRole }
  | { type: 'requester'; email: string }
  | { type: 'system' }
  | { type: 'anonymous' };

export const SYSTEM: Actor = { type: 'system' };
export const ANONYMOUS: Actor = { type: 'anonymous' };

/** A stable label for the audit log; never contains personal data beyond the staff id. */
export function actorLabel(actor: Actor): string {
  switch (actor.type) {
    case 'staff':
      return `staff:${actor.id}`;
    case 'requester':
      return 'requester';
    case 'system':
      return 'sistema';
    case 'anonymous':
      return 'anonymous';
  }
}
