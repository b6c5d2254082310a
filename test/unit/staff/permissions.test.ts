import { describe, expect, it } from 'vitest';
import { STAFF_ROLES } from '../../../src/domain/actor.ts';
import { ForbiddenError } from '../../../src/domain/errors.ts';
import {
  ACTION_PERMISSION,
  authorize,
  can,
  PERMISSIONS,
  ROLE_PERMISSIONS,
  rolesWith,
} from '../../../src/domain/permissions.ts';

const staff = (role: (typeof STAFF_ROLES)[number]) => ({ type: 'staff' as const, id: 'u1', role });

describe('permissions', () => {
  it('each role only holds known permissions and each permission has a holder', () => {
    for (const role of STAFF_ROLES) for (const p of ROLE_PERMISSIONS[role]) expect(PERMISSIONS).toContain(p);
    for (const p of PERMISSIONS) expect(rolesWith(p).length).toBeGreaterThan(0);
  });

  it('separates duties: who prepares does not sign; the auditor changes nothing', () => {
    expect(can(staff('tecnico'), 'request.prepare')).toBe(true);
    expect(can(staff('tecnico'), 'request.sign')).toBe(false);
    expect(can(staff('director'), 'request.sign')).toBe(true);
    expect(can(staff('ventanilla'), 'request.triage')).toBe(true);
    expect(can(staff('admin'), 'request.triage')).toBe(false);
    const auditorActions = Object.values(ACTION_PERMISSION).filter((p) => p && can(staff('auditor'), p));
    expect(auditorActions).toEqual([]);
    expect(can(staff('auditor'), 'audit.verify')).toBe(true);
  });

  it('only staff hold permissions; authorize throws ForbiddenError naming the permission', () => {
    expect(can({ type: 'system' }, 'request.view')).toBe(false);
    expect(can({ type: 'requester', email: 'a@b.mx' }, 'request.view')).toBe(false);
    expect(() => authorize(staff('tecnico'), 'users.manage')).toThrow(ForbiddenError);
    try {
      authorize(staff('tecnico'), 'users.manage');
    } catch (err) {
      expect((err as ForbiddenError).permission).toBe('users.manage');
    }
    expect(() => authorize(staff('admin'), 'users.manage')).not.toThrow();
  });
});
