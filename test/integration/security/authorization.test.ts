import { eq } from 'drizzle-orm';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import { requests } from '../../../src/db/schema/index.ts';
import { STAFF_ROLES } from '../../../src/domain/actor.ts';
import { can, type Permission, roleRequiresTotp } from '../../../src/domain/permissions.ts';
import { REJECTION_REASONS } from '../../../src/domain/rejection-reasons.ts';
import type { Deps } from '../../../src/services/deps.ts';
import type { AppEnv } from '../../../src/web/context.ts';
import { fixedClock, testApp, testConfig } from '../../helpers/app.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';
import {
  aDeliveredRequest,
  anonymousClient,
  type Client,
  type RouteKey,
  requesterClient,
  routeInventory,
  staffClient,
} from '../../helpers/security.ts';

/**
 * Who may use each route. `open`: the answer does not depend on who asks (public pages, API
 * catalog, health). `entry`: sign-in pages, open to all (a signed-in person is sent on). `staff`: a session with any of the permissions (`[]` = any staff).
 * `requester`: the signed-in requester, for their own requests only. `secret`: whoever holds the
 * request's tracking token (URL or Bearer) or a signed download link — and nobody else.
 */
type Access =
  | { kind: 'open' }
  | { kind: 'entry' }
  | { kind: 'staff'; anyOf: Permission[] }
  | { kind: 'requester' }
  | { kind: 'secret' };

type Fixture = {
  folioA: string;
  folioB: string;
  tokenA: string;
  tokenB: string;
  shaA: string;
  shaB: string;
};

const open: Access = { kind: 'open' };
const entry: Access = { kind: 'entry' };
const staff = (...anyOf: Permission[]): Access => ({ kind: 'staff', anyOf });
const requester: Access = { kind: 'requester' };
const secret: Access = { kind: 'secret' };

/** Every route, classified, with the URL the matrix requests for it (A's data where it takes one). */
const ROUTES: Record<string, { access: Access; url?: (f: Fixture) => string }> = {
  'GET /healthz': { access: open },
  'GET /metrics': { access: open },
  'GET /readyz': { access: open },
  'GET /static/agency.css': { access: open },
  'GET /static/agency-logo': { access: open },
  'POST /api/v1/requests': { access: open },
  'GET /api/v1/requests/:folio': { access: secret, url: (f) => `/api/v1/requests/${f.folioA}` },
  'GET /api/v1/requests/:folio/documents/:sha256': {
    access: secret,
    url: (f) => `/api/v1/requests/${f.folioA}/documents/${f.shaA}`,
  },
  'GET /api/v1/service-stats': { access: open },
  'GET /api/v1/indicators': { access: open },
  'GET /api/v1/topics': { access: open },
  'GET /api/v1/geographies': { access: open },
  'GET /api/v1/datasets': { access: open },
  'GET /api/v1/values': { access: open, url: () => '/api/v1/values?indicator=population_total&geo=state:15' },
  'POST /api/v1/values': { access: open },
  'GET /api/v1/preguntar': { access: open, url: () => '/api/v1/preguntar?q=poblacion' },
  'GET /api/v1/openapi.json': { access: open },
  'GET /staff': { access: entry },
  'POST /staff': { access: open },
  'GET /staff/verificacion': { access: entry },
  'POST /staff/verificacion': { access: open },
  'POST /staff/salir': { access: staff() },
  'GET /staff/configuracion-inicial': { access: entry },
  'POST /staff/configuracion-inicial': { access: open },
  'GET /staff/solicitudes': { access: staff('request.view') },
  'GET /staff/solicitudes/:folio': {
    access: staff('request.view'),
    url: (f) => `/staff/solicitudes/${f.folioA}`,
  },
  'GET /staff/solicitudes/:folio/archivos/:id': {
    access: staff('request.view'),
    url: (f) => `/staff/solicitudes/${f.folioA}/archivos/00000000-0000-4000-8000-000000000000`,
  },
  'POST /staff/solicitudes/:folio/archivos': { access: staff('request.attach') },
  'POST /staff/solicitudes/:folio/:slug': { access: staff('request.view') },
  'GET /staff/solicitudes/:folio/respuesta': {
    access: staff('request.view'),
    url: (f) => `/staff/solicitudes/${f.folioA}/respuesta`,
  },
  'POST /staff/solicitudes/:folio/respuesta': { access: staff('request.prepare') },
  'POST /staff/solicitudes/:folio/respuesta/anexos': { access: staff('request.prepare') },
  'POST /staff/solicitudes/:folio/respuesta/anexos/quitar': { access: staff('request.prepare') },
  'GET /staff/solicitudes/:folio/firmar': {
    access: staff('request.sign'),
    url: (f) => `/staff/solicitudes/${f.folioA}/firmar`,
  },
  'POST /staff/solicitudes/:folio/firmar/iniciar': { access: staff('request.sign') },
  'POST /staff/solicitudes/:folio/firmar/sello': { access: staff('request.sign') },
  'POST /staff/solicitudes/:folio/firmar/completar': { access: staff('request.sign') },
  'GET /staff/solicitudes/:folio/firmar/borrador.pdf': {
    access: staff('request.sign'),
    url: (f) => `/staff/solicitudes/${f.folioA}/firmar/borrador.pdf`,
  },
  'POST /staff/solicitudes/:folio/firmar/sellar': { access: staff('request.sign') },
  'POST /staff/solicitudes/:folio/firmar/devolver': { access: staff('request.return') },
  'GET /staff/admin': {
    access: staff('users.manage', 'calendar.manage', 'settings.manage', 'catalog.manage'),
  },
  'GET /staff/admin/usuarios': { access: staff('users.manage') },
  'POST /staff/admin/usuarios': { access: staff('users.manage') },
  'POST /staff/admin/usuarios/:id': { access: staff('users.manage') },
  'GET /staff/admin/calendario': { access: staff('calendar.manage') },
  'POST /staff/admin/calendario': { access: staff('calendar.manage') },
  'POST /staff/admin/calendario/:date/eliminar': { access: staff('calendar.manage') },
  'GET /staff/admin/textos': { access: staff('settings.manage', 'catalog.manage') },
  'GET /staff/admin/certificados': { access: staff('settings.manage') },
  'POST /staff/admin/textos': { access: staff('settings.manage') },
  'POST /staff/admin/textos/indicador': { access: staff('catalog.manage') },
  'GET /staff/auditoria': { access: staff('audit.view') },
  'POST /staff/auditoria/verificar': { access: staff('audit.verify') },
  'GET /staff/correo': { access: staff('mail.view') },
  'GET /staff/correo/:id{[0-9a-f]{24}}': {
    access: staff('mail.view'),
    url: () => `/staff/correo/${'a'.repeat(24)}`,
  },
  'GET /staff/correo/:id{[0-9a-f]{24}}/eml': {
    access: staff('mail.view'),
    url: () => `/staff/correo/${'a'.repeat(24)}/eml`,
  },
  'GET /staff/tareas': { access: staff('outbox.retry') },
  'POST /staff/tareas/:id/reintentar': { access: staff('outbox.retry') },
  'GET /staff/resultados': { access: staff('results.view') },
  'GET /staff/resultados/exportar/:format': {
    access: staff('results.view'),
    url: () => '/staff/resultados/exportar/csv',
  },
  'GET /staff/arco': { access: staff('personal_data.view') },
  'GET /staff/arco/:code': { access: staff('personal_data.view'), url: () => '/staff/arco/ARCO-0000' },
  'POST /staff/arco/:code': { access: staff('personal_data.view') },
  'GET /': { access: open },
  'GET /aviso-de-privacidad': { access: open },
  'GET /solicitud/nueva': { access: open },
  'GET /solicitud/nueva/revisar': { access: open },
  'GET /solicitud/nueva/:step': { access: open, url: () => '/solicitud/nueva/datos' },
  'POST /solicitud/nueva/:step': { access: open },
  'GET /solicitud/confirmacion': { access: open },
  'GET /mis-solicitudes': { access: requester },
  'POST /mis-solicitudes/acceso': { access: open },
  'GET /mis-solicitudes/entrar/:token': {
    access: open,
    url: () => '/mis-solicitudes/entrar/abcdefghijklmnop',
  },
  'POST /mis-solicitudes/entrar': { access: open },
  'POST /mis-solicitudes/salir': { access: open },
  'GET /mis-solicitudes/:folio': { access: requester, url: (f) => `/mis-solicitudes/${f.folioA}` },
  'POST /mis-solicitudes/:folio/aclaracion': { access: requester },
  'GET /mis-solicitudes/:folio/cancelar': {
    access: requester,
    url: (f) => `/mis-solicitudes/${f.folioA}/cancelar`,
  },
  'POST /mis-solicitudes/:folio/cancelar': { access: requester },
  'POST /mis-solicitudes/:folio/encuesta': { access: requester },
  'GET /mis-solicitudes/:folio/documentos/:sha256': {
    access: requester,
    url: (f) => `/mis-solicitudes/${f.folioA}/documentos/${f.shaA}`,
  },
  'GET /seguimiento/:folio/:token/documentos/:sha256': {
    access: secret,
    url: (f) => `/seguimiento/${f.folioA}/${f.tokenA}/documentos/${f.shaA}`,
  },
  'GET /seguimiento/:folio/:token': { access: secret, url: (f) => `/seguimiento/${f.folioA}/${f.tokenA}` },
  'GET /consulta': { access: open },
  'POST /consulta': { access: open },
  'GET /mis-solicitudes/datos-personales/derechos': { access: requester },
  'GET /mis-solicitudes/datos-personales/descarga': { access: requester },
  'POST /mis-solicitudes/datos-personales/eliminacion': { access: requester },
  'GET /estadisticas': { access: open },
  'GET /datos': { access: open },
  'GET /preguntar': { access: open, url: () => '/preguntar?q=poblacion' },
  'GET /lugares': { access: open },
  'GET /lugares/:slug': { access: open, url: () => '/lugares/toluca' },
  'GET /lugares/:slug/oficio': { access: open, url: () => '/lugares/toluca/oficio?bloque=poblacion' },
  'GET /datos/indicador/:id': { access: open, url: () => '/datos/indicador/population_total' },
  'GET /verificar': { access: open },
  'GET /verificar/:code': { access: open, url: () => '/verificar/ABCD-EFGH-JKLM' },
  'POST /verificar/:code': { access: open },
  'GET /descargas/:sha256/:name': { access: secret, url: (f) => `/descargas/${f.shaA}/datos.csv?e=1&s=x` },
  'GET /respuestas': { access: open },
  'GET /respuestas/:id': { access: open, url: () => '/respuestas/00000000-0000-4000-8000-000000000000' },
  'GET /respuestas/:id/archivos/:sha256/:name': {
    access: open,
    url: (f) => `/respuestas/00000000-0000-4000-8000-000000000000/archivos/${f.shaA}/datos.csv`,
  },
};

/** The use-case permission behind each staff action slug (the route itself only needs request.view). */
const SLUG_PERMISSIONS: Record<string, Permission> = {
  revisar: 'request.triage',
  prevenir: 'request.clarify',
  asignar: 'request.assign',
  iniciar: 'request.prepare',
  'enviar-a-firma': 'request.submit_for_approval',
  devolver: 'request.return',
  rechazar: 'request.reject',
  nota: 'request.note',
};

const VALID_ACTION_INPUT = {
  note: 'Nota interna de prueba',
  question: '¿Qué años necesitas exactamente?',
  assigneeId: '00000000-0000-4000-8000-000000000000',
  comments: 'Corrige la tabla, por favor.',
  reason: REJECTION_REASONS[0],
  text: 'No es competencia de este organismo.',
};

const EMAIL_A = 'ana.a@example.org';
const EMAIL_B = 'beto.b@example.org';

const isSignInRedirect = (r: { status: number; location: string | null }) =>
  r.status === 303 && /^\/staff(\?|$)/.test(r.location ?? '');

describe.each(testEngines())('authorisation matrix on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: Hono<AppEnv>;
  let deps: Deps;
  let f: Fixture;
  let usedLinkA: string;
  const who: Record<string, Client> = {};
  const clock = fixedClock('2026-11-24T17:00:00Z');

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    // Every route × every identity from one test client: the per-IP API limit is tested elsewhere.
    const config = testConfig({ RATE_LIMIT_API_PER_IP_MINUTE: '0' });
    ({ app, deps } = testApp(handle, { clock, config }));
    const a = await aDeliveredRequest(deps, { email: EMAIL_A, fileText: 'municipio,valor\nA,1\n' });
    const b = await aDeliveredRequest(deps, { email: EMAIL_B, fileText: 'municipio,valor\nB,2\n' });
    f = {
      folioA: a.request.folio,
      folioB: b.request.folio,
      tokenA: a.trackingToken,
      tokenB: b.trackingToken,
      shaA: a.sha256,
      shaB: b.sha256,
    };
    who.anonymous = await anonymousClient(app);
    const signedA = await requesterClient(app, deps.db, EMAIL_A);
    who.requesterA = signedA.client;
    usedLinkA = signedA.linkToken;
    who.requesterB = (await requesterClient(app, deps.db, EMAIL_B)).client;
    for (const role of STAFF_ROLES) who[role] = (await staffClient(app, deps, role)).client;
  });
  afterAll(() => handle.close());

  it('every route of the app is classified, and every classified route still exists', () => {
    const routes = routeInventory(app);
    expect(routes.length).toBeGreaterThan(80);
    const unclassified = routes.filter((r) => !(r in ROUTES));
    expect(unclassified, 'new routes must be added to the authorisation matrix').toEqual([]);
    const stale = Object.keys(ROUTES).filter((r) => !routes.includes(r as RouteKey));
    expect(stale).toEqual([]);
  });

  const getRoutes = () =>
    Object.entries(ROUTES).filter(([k]) => k.startsWith('GET ')) as [string, (typeof ROUTES)[string]][];

  it('GET, every route × anonymous, requester A, requester B and each staff role', async () => {
    const failures: string[] = [];
    for (const [key, { access, url }] of getRoutes()) {
      const path = url ? url(f) : key.slice(4);
      if (/\/:/.test(path)) throw new Error(`${key} needs a url in the matrix`);
      const seen: Record<string, { status: number; location: string | null; body: string }> = {};
      for (const [name, client] of Object.entries(who)) {
        const r = await client.get(path);
        const body =
          r.html ||
          (await r.res
            .clone()
            .text()
            .catch(() => ''));
        seen[name] = { status: r.status, location: r.location, body };
        if (r.status >= 500) failures.push(`${key} as ${name}: ${r.status}`);
      }
      const expect403or303 = (name: string, ok: boolean) => {
        const s = seen[name]!;
        if (ok && (s.status === 403 || isSignInRedirect(s)))
          failures.push(`${key}: ${name} refused (${s.status})`);
        if (!ok && s.status !== 403) failures.push(`${key}: ${name} not refused (${s.status})`);
      };
      if (access.kind === 'open') {
        const statuses = new Set(Object.values(seen).map((s) => s.status));
        if (statuses.size !== 1)
          failures.push(`${key}: open route answers differently by identity ${[...statuses]}`);
        if (seen.anonymous!.status === 403 || seen.anonymous!.status === 401) {
          if (key !== 'GET /metrics') failures.push(`${key}: open route refused ${seen.anonymous!.status}`);
        }
      } else if (access.kind === 'entry') {
        for (const [name, s] of Object.entries(seen)) {
          if (s.status === 401 || s.status === 403) failures.push(`${key}: ${name} refused ${s.status}`);
        }
      } else if (access.kind === 'staff') {
        for (const name of ['anonymous', 'requesterA', 'requesterB']) {
          if (!isSignInRedirect(seen[name]!))
            failures.push(`${key}: ${name} got ${seen[name]!.status}, not sign-in`);
        }
        for (const role of STAFF_ROLES) {
          const actor = { type: 'staff' as const, id: 'x', role };
          expect403or303(role, access.anyOf.length === 0 || access.anyOf.some((p) => can(actor, p)));
        }
      } else if (access.kind === 'requester') {
        if (seen.requesterA!.status !== 200)
          failures.push(`${key}: requester A got ${seen.requesterA!.status}`);
        for (const [name, s] of Object.entries(seen)) {
          if (name === 'requesterA') continue;
          // B, staff and anonymous never see A's request: not found, or the sign-in / own list.
          if (s.status === 200 && (s.body.includes(f.folioA) || s.body.includes(EMAIL_A)))
            failures.push(`${key}: ${name} sees A's data`);
          if (s.status === 200 && s.body.includes('municipio,valor\nA'))
            failures.push(`${key}: ${name} got A's file`);
          if (![200, 303, 404].includes(s.status)) failures.push(`${key}: ${name} got ${s.status}`);
          if (s.status === 200 && path !== '/mis-solicitudes' && !path.includes('datos-personales'))
            failures.push(`${key}: ${name} got 200`);
        }
      } else {
        // Secret: the right secret works for anyone holding it; cookies add nothing.
        const statuses = new Set(Object.values(seen).map((s) => s.status));
        if (statuses.size !== 1) failures.push(`${key}: secret route answers differently by identity`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('requester B never gets A’s request, documents or e-mail: folio guessing, URL guessing, B’s own file under A’s folio', async () => {
    const b = who.requesterB!;
    for (const path of [
      `/mis-solicitudes/${f.folioA}`,
      `/mis-solicitudes/${f.folioA.toLowerCase()}`,
      `/mis-solicitudes/${f.folioA}/cancelar`,
      `/mis-solicitudes/${f.folioA}/documentos/${f.shaA}`,
      `/mis-solicitudes/${f.folioA}/documentos/${f.shaB}`,
      `/mis-solicitudes/${f.folioB}/documentos/${f.shaA}`,
    ]) {
      const r = await b.get(path);
      expect([path, r.status]).toEqual([path, 404]);
      expect(r.html).not.toContain(EMAIL_A);
    }
    const list = await b.get('/mis-solicitudes');
    expect(list.html).toContain(f.folioB);
    expect(list.html).not.toContain(f.folioA);
    const mine = await b.get(`/mis-solicitudes/${f.folioB}/documentos/${f.shaB}`);
    expect(mine.status).toBe(200);
    expect(await mine.res.text()).toContain('B,2');
    const arco = await b.get('/mis-solicitudes/datos-personales/descarga');
    expect(arco.status).toBe(200);
    const exported = await arco.res.text();
    expect(exported).toContain(EMAIL_B);
    expect(exported).not.toContain(EMAIL_A);
    expect(exported).not.toContain(f.folioA);
  });

  it('requester B cannot act on A’s request (cancel, clarification answer, survey): 404 and nothing changes', async () => {
    const b = who.requesterB!;
    for (const [path, form] of [
      [`/mis-solicitudes/${f.folioA}/cancelar`, {}],
      [`/mis-solicitudes/${f.folioA}/aclaracion`, { answer: 'respuesta de B' }],
      [`/mis-solicitudes/${f.folioA}/encuesta`, { answered: 'si', ease: '5', comment: 'B' }],
    ] as const) {
      const r = await b.post(path, form);
      expect([path, r.status]).toEqual([path, 404]);
    }
    const [a] = await deps.db.select().from(requests).where(eq(requests.folio, f.folioA));
    expect(a!.status).toBe('delivered');
  });

  it('token reuse: A’s used sign-in link does not sign B (or anyone) in as A', async () => {
    const b = await anonymousClient(app);
    const r = await b.post('/mis-solicitudes/entrar', { token: usedLinkA });
    expect(r.status).toBe(422);
    expect(b.jar.has('dato_solicitante')).toBe(false);
    const list = await b.get('/mis-solicitudes');
    expect(list.html).not.toContain(f.folioA);
  });

  it('tracking secrets: B’s token, a reused or guessed token and A’s token under B’s folio are refused', async () => {
    const c = who.anonymous!;
    expect((await c.get(`/seguimiento/${f.folioA}/${f.tokenA}`)).status).toBe(200);
    for (const path of [
      `/seguimiento/${f.folioA}/${f.tokenB}`,
      `/seguimiento/${f.folioB}/${f.tokenA}`,
      `/seguimiento/${f.folioA}/${f.tokenA.slice(0, -1)}x`,
      `/seguimiento/${f.folioA}/${f.tokenB}/documentos/${f.shaA}`,
      `/seguimiento/${f.folioB}/${f.tokenB}/documentos/${f.shaA}`,
    ]) {
      const r = await c.get(path);
      expect([path, r.status]).toEqual([path, 404]);
      expect(r.html).not.toContain(EMAIL_A);
    }
    const api = (path: string, token?: string) =>
      app.request(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    expect((await api(`/api/v1/requests/${f.folioA}`, f.tokenA)).status).toBe(200);
    for (const [path, token] of [
      [`/api/v1/requests/${f.folioA}`, undefined],
      [`/api/v1/requests/${f.folioA}`, f.tokenB],
      [`/api/v1/requests/${f.folioA}/documents/${f.shaA}`, f.tokenB],
      [`/api/v1/requests/${f.folioB}/documents/${f.shaA}`, f.tokenB],
    ] as const) {
      const r = await api(path, token);
      expect([path, r.status]).toEqual([path, 404]);
      const body = await r.text();
      expect(body).not.toContain(EMAIL_A);
      expect(body).not.toContain('A,1');
    }
    // A staff cookie is no API credential.
    const staffCookie = who.director!.jar.get('dato_staff')!;
    const r = await app.request(`/api/v1/requests/${f.folioA}`, {
      headers: { cookie: `dato_staff=${staffCookie}` },
    });
    expect(r.status).toBe(404);
  });

  it('signed download links: a link for B’s file does not open A’s file, a tampered signature is refused', async () => {
    const { downloadPath } = await import('../../../src/documents/links.ts');
    const good = downloadPath(deps.secret, f.shaB, 'datos.csv', new Date(clock.now().getTime() + 3_600_000));
    expect((await app.request(good)).status).toBe(200);
    const swapped = good.replace(f.shaB, f.shaA);
    expect((await app.request(swapped)).status).toBe(403);
    const expired = downloadPath(deps.secret, f.shaA, 'datos.csv', new Date(clock.now().getTime() - 1000));
    expect((await app.request(expired)).status).toBe(403);
  });

  it('POST, staff routes: anonymous and requesters go to sign-in, roles without the permission get 403', async () => {
    const failures: string[] = [];
    const fill = (path: string) =>
      path
        .replace(':folio', f.folioA)
        .replace(':id', '00000000-0000-4000-8000-000000000000')
        .replace(':date', '2026-12-12')
        .replace(':code', 'ARCO-0000');
    for (const [key, { access }] of Object.entries(ROUTES)) {
      if (!key.startsWith('POST ') || access.kind !== 'staff') continue;
      const path = fill(key.slice(5)).replace(':slug', 'nota');
      for (const name of ['anonymous', 'requesterA', 'requesterB']) {
        const r = await who[name]!.post(path, { note: 'x' });
        if (!isSignInRedirect(r)) failures.push(`${key}: ${name} got ${r.status}`);
      }
      for (const role of STAFF_ROLES) {
        const actor = { type: 'staff' as const, id: 'x', role };
        if (access.anyOf.length === 0 || access.anyOf.some((p) => can(actor, p))) continue;
        const r = await who[role]!.post(path, { note: 'x' });
        if (r.status !== 403) failures.push(`${key}: ${role} got ${r.status}`);
      }
    }
    for (const [slug, permission] of Object.entries(SLUG_PERMISSIONS)) {
      for (const role of STAFF_ROLES) {
        if (can({ type: 'staff', id: 'x', role }, permission)) continue;
        // Valid input, so only the permission can refuse it.
        const r = await who[role]!.post(`/staff/solicitudes/${f.folioA}/${slug}`, VALID_ACTION_INPUT);
        if (r.status !== 403) failures.push(`${slug}: ${role} got ${r.status}`);
      }
    }
    expect(failures).toEqual([]);
    const [a] = await deps.db.select().from(requests).where(eq(requests.folio, f.folioA));
    expect(a!.status).toBe('delivered');
  });

  it('sign-in links: an expired link does not sign in', async () => {
    const c = await anonymousClient(app);
    await c.post('/mis-solicitudes/acceso', { email: EMAIL_A });
    const { lastSignInLink } = await import('../../helpers/security.ts');
    const link = (await lastSignInLink(deps.db, EMAIL_A))!;
    const token = new URL(link).pathname.split('/').at(-1)!;
    clock.advance(31 * 60_000);
    const late = await c.post('/mis-solicitudes/entrar', { token });
    expect(late.status).toBe(422);
    expect(c.jar.has('dato_solicitante')).toBe(false);
    expect((await c.get(`/mis-solicitudes/${f.folioA}`)).status).not.toBe(200);
    clock.advance(-31 * 60_000);
  });
});

describe('the mail viewer and the second factor in the matrix (issue 16, findings 6 and 8)', () => {
  it('only roles that see personal data hold mail.view; every staff role signs in with TOTP', () => {
    for (const role of STAFF_ROLES) {
      const actor = { type: 'staff' as const, id: 'x', role };
      expect([role, can(actor, 'mail.view')]).toEqual([role, can(actor, 'personal_data.view')]);
      expect([role, roleRequiresTotp(role)]).toEqual([role, true]);
    }
    expect(ROUTES['GET /staff/correo']!.access).toEqual({ kind: 'staff', anyOf: ['mail.view'] });
  });
});
