import { eq, sql } from 'drizzle-orm';
import type { Hono } from 'hono';
import type { Database } from '../../src/db/client.ts';
import { answers, outboxJobs } from '../../src/db/schema/index.ts';
import type { StaffRole } from '../../src/domain/actor.ts';
import { CATALOGS } from '../../src/i18n/index.ts';
import type { Deps } from '../../src/services/deps.ts';
import { newToken, sha256Hex } from '../../src/services/requests/tokens.ts';
import { createSession } from '../../src/services/staff/sessions.ts';
import type { AppEnv } from '../../src/web/context.ts';
import { STAFF_COOKIE } from '../../src/web/staff/auth.ts';
import { formClient } from '../integration/portal/form-client.ts';
import { aStaffUser } from '../integration/staff/staff-helpers.ts';
import { aRequest } from './factories.ts';

export type Client = ReturnType<typeof formClient>;
export type RouteKey = `${'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'} ${string}`;

/** Every route the app answers (method + pattern), from Hono's own table: middleware (ALL) left out. */
export function routeInventory(app: Hono<AppEnv>): RouteKey[] {
  const keys = app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}` as RouteKey);
  return [...new Set(keys)].sort();
}

/** A cookie-keeping browser without JavaScript; first GET so it holds a CSRF token for its posts. */
export async function anonymousClient(app: Hono<AppEnv>): Promise<Client> {
  const client = formClient(app);
  await client.get('/consulta');
  return client;
}

/** A staff member of `role` with a live session (made through the sessions service, TOTP done). */
export async function staffClient(app: Hono<AppEnv>, deps: Deps, role: StaffRole) {
  const user = await aStaffUser(deps, role);
  const token = await createSession(deps.db, user.id, deps.clock.now());
  const client = await anonymousClient(app);
  client.jar.set(STAFF_COOKIE, token);
  return { client, user, token };
}

/** The last sign-in link queued for `email` (the e-mail the requester would get). */
export async function lastSignInLink(db: Database, email: string): Promise<string | undefined> {
  const jobs = await db.select().from(outboxJobs).where(eq(outboxJobs.kind, 'mail.send'));
  const mine = jobs.filter((j) => {
    const p = j.payload as { template?: string; to?: string };
    return p.template === 'requester.sign_in_link' && p.to === email;
  });
  return (mine.at(-1)?.payload as { data: { link: string } } | undefined)?.data.link;
}

/** Signs a requester in the way a person does: ask for a link, open it, press the button. */
export async function requesterClient(app: Hono<AppEnv>, db: Database, email: string) {
  const client = formClient(app);
  await client.get('/mis-solicitudes');
  const asked = await client.post('/mis-solicitudes/acceso', { email });
  if (asked.status !== 303) throw new Error(`sign-in link refused: ${asked.status}`);
  const link = await lastSignInLink(db, email);
  if (!link) throw new Error(`no sign-in link queued for ${email}`);
  const token = new URL(link).pathname.split('/').at(-1)!;
  await client.get(new URL(link).pathname);
  const entered = await client.post('/mis-solicitudes/entrar', { token });
  if (entered.status !== 303) throw new Error(`sign-in failed: ${entered.status}`);
  return { client, linkToken: token };
}

/**
 * A delivered request with a tracking token and one downloadable file of its answer, as the
 * requester sees it after delivery. `fileText` lets a test tell one requester's file from another's.
 */
export async function aDeliveredRequest(deps: Deps, opts: { email: string; fileText: string }) {
  const trackingToken = newToken();
  const request = await aRequest(deps.db, {
    requesterEmail: opts.email,
    status: 'delivered',
    deliveredAt: deps.clock.now(),
    trackingTokenHash: sha256Hex(trackingToken),
  });
  const bytes = new TextEncoder().encode(opts.fileText);
  const doc = await deps.documents.put(deps.db, bytes, 'text/csv');
  await deps.db.insert(answers).values({
    requestId: request.id,
    status: 'delivered',
    data: {},
    files: [{ name: 'datos.csv', kind: 'csv', sha256: doc.sha256, mediaType: 'text/csv', size: doc.size }],
    preparedBy: 'test',
    createdAt: deps.clock.now(),
  });
  return { request, trackingToken, sha256: doc.sha256 };
}

/** Row counts of the tables a refused input must not change. */
export async function rowCounts(db: Database, tables = ['requests', 'outbox_jobs', 'audit_log']) {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const res = (await db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`))) as unknown as {
      rows: { n: number }[];
    };
    counts[table] = Number(res.rows[0]!.n);
  }
  return counts;
}

const spanishTemplates = Object.values(CATALOGS['es-MX']).map(
  (m) =>
    new RegExp(
      `^${m
        .split(/\{[a-zA-Z_]+\}/)
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('[\\s\\S]*')}$`,
    ),
);

/** True when `message` is one of the es-MX catalog's messages (placeholders filled in any way). */
export function isSpanishMessage(message: string): boolean {
  const m = message.trim();
  return m.length > 0 && spanishTemplates.some((re) => re.test(m));
}

const decode = (s: string) =>
  s
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();

/**
 * The messages a refused request shows: JSON `error.message` / `errors[].message`, or on a page
 * the error summary's items, else its <h1>; plain text bodies as they are.
 */
export async function refusalMessages(res: Response, readBody?: string): Promise<string[]> {
  const type = res.headers.get('content-type') ?? '';
  const body = readBody ?? (await res.clone().text());
  if (type.includes('json')) {
    const j = JSON.parse(body) as { error?: { message?: string }; errors?: { message: string }[] };
    return j.errors ? j.errors.map((e) => e.message) : [j.error?.message ?? ''];
  }
  if (type.includes('html')) {
    const summary = /<div class="error-summary"[\s\S]*?<ul>([\s\S]*?)<\/ul>/.exec(body);
    if (summary) return [...summary[1]!.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => decode(m[1]!));
    return [decode(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(body)?.[1] ?? '')];
  }
  return [body];
}
