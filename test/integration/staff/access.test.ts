import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import { STAFF_ROLES, type StaffRole } from '../../../src/domain/actor.ts';
import { can, type Permission } from '../../../src/domain/permissions.ts';
import type { Deps } from '../../../src/services/deps.ts';
import type { AppEnv } from '../../../src/web/context.ts';
import { STAFF_PUBLIC_PATHS } from '../../../src/web/staff/auth.ts';
import { staffRoutes } from '../../../src/web/staff/routes.ts';
import { testApp } from '../../helpers/app.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';
import { aRequest } from '../../helpers/factories.ts';
import { aStaffUser, type Browser, signInAs } from './staff-helpers.ts';

/**
 * Every staff page of this area and who may open it, by permission; `anyOf` pages open for a role
 * holding any of the listed permissions.
 */
const PAGES: { path: (folio: string) => string; anyOf: Permission[] }[] = [
  { path: () => '/staff/solicitudes', anyOf: ['request.view'] },
  { path: () => '/staff/solicitudes?status=all&due=overdue', anyOf: ['request.view'] },
  { path: (f) => `/staff/solicitudes/${f}`, anyOf: ['request.view'] },
  { path: () => '/staff/admin', anyOf: ['users.manage', 'calendar.manage', 'settings.manage'] },
  { path: () => '/staff/admin/usuarios', anyOf: ['users.manage'] },
  { path: () => '/staff/admin/calendario', anyOf: ['calendar.manage'] },
  { path: () => '/staff/admin/textos', anyOf: ['settings.manage', 'catalog.manage'] },
  { path: () => '/staff/auditoria', anyOf: ['audit.view'] },
];

describe.each(testEngines())('staff routes × roles on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: Hono<AppEnv>;
  let deps: Deps;
  let folio: string;
  const browsers = {} as Record<StaffRole, Browser>;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    ({ app, deps } = testApp(handle));
    folio = (await aRequest(deps.db)).folio;
    for (const role of STAFF_ROLES) browsers[role] = await signInAs(app, deps, await aStaffUser(deps, role));
  });
  afterAll(() => handle.close());

  for (const page of PAGES) {
    it(`${page.path('{folio}')}: 200 for roles holding ${page.anyOf.join(' or ')}, 403 for the rest, sign-in without a session`, async () => {
      const path = page.path(folio);
      const seen: Record<string, number> = {};
      const expected: Record<string, number> = {};
      for (const role of STAFF_ROLES) {
        const actor = { type: 'staff' as const, id: 'x', role };
        expected[role] = page.anyOf.some((p) => can(actor, p)) ? 200 : 403;
        const res = await browsers[role].get(path);
        seen[role] = res.status;
        if (res.status === 200) {
          const html = await res.text();
          expect(html.match(/<h1[ >]/g)).toHaveLength(1);
        }
      }
      expect(seen).toEqual(expected);
      expect(Object.values(seen)).toContain(200);
      const anonymous = await app.request(path);
      expect(anonymous.status).toBe(303);
      expect(anonymous.headers.get('location')).toMatch(/^\/staff\?siguiente=/);
    });
  }

  it('the admin may not act on requests and the auditor may not change settings (POST)', async () => {
    expect((await browsers.admin.post(`/staff/solicitudes/${folio}/revisar`, {})).status).toBe(403);
    expect((await browsers.auditor.post('/staff/admin/calendario', { date: '2026-12-12' })).status).toBe(403);
    expect((await browsers.director.post('/staff/admin/usuarios', { email: 'x@y.mx' })).status).toBe(403);
    expect((await browsers.ventanilla.post('/staff/auditoria/verificar', {})).status).toBe(403);
  });

  it('every GET route under /staff (any area): sign-in redirect without a session, never a server error for any role', async () => {
    const paths = [
      ...new Set(
        staffRoutes.routes
          .filter((r) => r.method === 'GET' && !r.path.includes('*'))
          .map((r) =>
            `/staff${r.path}`
              .replace(/\/$/, '')
              .replace(':folio', folio)
              .replace(/:[a-zA-Z]+/g, 'x'),
          ),
      ),
    ];
    expect(paths.length).toBeGreaterThan(PAGES.length - 2);
    for (const path of paths) {
      const anonymous = await app.request(path);
      if (STAFF_PUBLIC_PATHS.includes(path)) expect(anonymous.status).not.toBe(500);
      else expect([path, anonymous.status]).toEqual([path, 303]);
      for (const role of STAFF_ROLES) {
        const res = await browsers[role].get(path);
        expect([path, role, res.status < 500]).toEqual([path, role, true]);
      }
    }
  });
});
