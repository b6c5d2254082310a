import type { Actor, StaffRole } from './actor.ts';
import { ForbiddenError } from './errors.ts';
import type { RequestAction } from './request-lifecycle.ts';

/** What someone may do, named by intent. Use cases check one of these; never a role name. */
export const PERMISSIONS = [
  'request.view',
  'personal_data.view',
  'request.triage',
  'request.clarify',
  'request.assign',
  'request.prepare',
  'request.note',
  'request.attach',
  'request.submit_for_approval',
  'request.return',
  'request.sign',
  'request.deliver',
  'request.reject',
  'users.manage',
  'calendar.manage',
  'settings.manage',
  'catalog.manage',
  'audit.view',
  'audit.verify',
  /** Outgoing e-mail (it holds people's addresses and names): only roles with personal_data.view. */
  'mail.view',
  'outbox.retry',
  'results.view',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** The one table of who may do what. */
export const ROLE_PERMISSIONS: Record<StaffRole, readonly Permission[]> = {
  ventanilla: [
    'request.view',
    'personal_data.view',
    'request.triage',
    'request.clarify',
    'request.assign',
    'request.note',
    'request.reject',
    'request.deliver',
    'mail.view',
  ],
  tecnico: [
    'request.view',
    'request.prepare',
    'request.note',
    'request.attach',
    'request.submit_for_approval',
  ],
  director: [
    'request.view',
    'personal_data.view',
    'request.assign',
    'request.note',
    'request.return',
    'request.sign',
    'request.deliver',
    'request.reject',
    'audit.view',
    'mail.view',
    'results.view',
  ],
  admin: [
    'request.view',
    'users.manage',
    'calendar.manage',
    'settings.manage',
    'catalog.manage',
    'audit.view',
    'outbox.retry',
    'results.view',
  ],
  auditor: ['request.view', 'audit.view', 'audit.verify', 'results.view'],
};

/**
 * Roles whose accounts must use a second factor (TOTP): every staff role, since each can see requests
 * and their people (a password alone is phished too easily).
 */
export const ROLES_REQUIRING_TOTP: readonly StaffRole[] = [
  'ventanilla',
  'tecnico',
  'director',
  'admin',
  'auditor',
];

export function roleRequiresTotp(role: StaffRole): boolean {
  return ROLES_REQUIRING_TOTP.includes(role);
}

/** The permission a lifecycle action needs when a staff member takes it; null: not a staff action. */
export const ACTION_PERMISSION: Record<RequestAction, Permission | null> = {
  triage: 'request.triage',
  request_clarification: 'request.clarify',
  answer_clarification: null,
  expire_clarification: null,
  assign: 'request.assign',
  start_preparation: 'request.prepare',
  submit_for_approval: 'request.submit_for_approval',
  return_for_changes: 'request.return',
  sign: 'request.sign',
  deliver: 'request.deliver',
  reject: 'request.reject',
  cancel: null,
  auto_prepare: null,
  auto_sign: null,
};

/** Whether `actor` holds `permission`. Only staff hold permissions; the system acts through use cases. */
export function can(actor: Actor, permission: Permission): boolean {
  return actor.type === 'staff' && ROLE_PERMISSIONS[actor.role].includes(permission);
}

/** Throws ForbiddenError unless `actor` holds `permission`. */
export function authorize(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw new ForbiddenError(permission);
}

/** Roles that hold `permission` (e.g. who to alert, who may be assigned). */
export function rolesWith(permission: Permission): StaffRole[] {
  return (Object.keys(ROLE_PERMISSIONS) as StaffRole[]).filter((r) =>
    ROLE_PERMISSIONS[r].includes(permission),
  );
}
