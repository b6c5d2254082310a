import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../src/config/index.ts';
import { appendAudit } from '../../../src/db/audit.ts';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import { addTimelineEvent, type RequestRow } from '../../../src/db/requests.ts';
import { ARCO_STATUSES } from '../../../src/db/schema/index.ts';
import { STAFF_ROLES, type StaffRole, SYSTEM } from '../../../src/domain/actor.ts';
import { REQUEST_ACTIONS, REQUEST_STATUSES } from '../../../src/domain/request-lifecycle.ts';
import { translator } from '../../../src/i18n/index.ts';
import { renderMail } from '../../../src/mail/templates/index.ts';
import type { Deps } from '../../../src/services/deps.ts';
import { polygonGeoId } from '../../../src/services/requests/request-input.ts';
import { auditActionLabel, eventLabel } from '../../../src/services/staff/request-words.ts';
import { createStatsEngine } from '../../../src/stats/engine.ts';
import { parseDataDir } from '../../../src/stats/import.ts';
import type { AppEnv } from '../../../src/web/context.ts';
import { fixedClock, testApp, testConfig } from '../../helpers/app.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';
import { aRequest } from '../../helpers/factories.ts';
import { sharedDataDir } from '../../helpers/shared-data.ts';
import { aStaffUser, type Browser, signInAs } from './staff-helpers.ts';

/**
 * Issue 15: no staff page or staff e-mail shows a raw geography id, indicator id, action code or
 * account id. Requests in every status (a municipality, a set, a region, a zone, a polygon, an "otro"),
 * a timeline and an audit log holding every action code the source writes; then the queue under each
 * filter, each request page for each role, the audit page and the staff e-mails are scanned.
 */

const dataDir = sharedDataDir();
// Monday 23 Nov 2026, 10:00 in Mexico City.
const START = new Date('2026-11-23T16:00:00Z');

// Around Toluca, Metepec and Zinacantepec.
const POLYGON = {
  type: 'Polygon' as const,
  coordinates: [
    [
      [-99.72, 19.24],
      [-99.58, 19.24],
      [-99.58, 19.31],
      [-99.72, 19.31],
      [-99.72, 19.24],
    ],
  ],
};

const CODE_PATTERNS: [string, RegExp][] = [
  ['geo or account id', /\b(?:mun|region|zm|set|polygon|staff|state):\S*/g],
  ['snake_case code', /\b[a-z]+_[a-z_]+\b/g],
  [
    'dotted code',
    /\b(?:request|requester|staff|answer|oficio|audit|settings|calendar|arco|outbox|signer|mail|auto_answer|status|stats|portal|workbench|documents|privacy)\.[a-z_.]+/g,
  ],
];

/** The text a person reads: no tags, attributes, scripts or styles; e-mail addresses and URLs out. */
function visibleText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[^\s<>]+@[^\s<>]+/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\s+/g, ' ');
}

function codesIn(text: string): string[] {
  const found: string[] = [];
  for (const [what, re] of CODE_PATTERNS) {
    for (const m of text.matchAll(re)) {
      const at = m.index ?? 0;
      found.push(`${what} «${m[0]}» in “…${text.slice(Math.max(0, at - 40), at + 40)}…”`);
    }
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/**
 * Every action code the source writes to the timeline (`addTimelineEvent`) or the audit log
 * (`appendAudit`): the literal ones read from the code (so new ones are covered the day they land), the
 * constants they name, and the few built from a template.
 */
function writtenActions(): { timeline: string[]; audit: string[] } {
  const timeline = new Set<string>();
  const audit = new Set<string>();
  for (const file of sourceFiles(join(PROJECT_ROOT, 'src'))) {
    const code = readFileSync(file, 'utf8');
    const constants = new Map(
      [...code.matchAll(/const ([A-Z_]+) = '([a-z_.]+)'/g)].map((m) => [m[1]!, m[2]!] as const),
    );
    for (const [call, into] of [
      ['addTimelineEvent(', timeline],
      ['appendAudit(', audit],
    ] as const) {
      let from = code.indexOf(call);
      while (from >= 0) {
        const body = code.slice(from, from + 600);
        const end = body.indexOf('});');
        const block = end > 0 ? body.slice(0, end) : body;
        for (const m of block.matchAll(/action: (?:'([a-z_.]+)'|([A-Z_]+)\b)/g)) {
          const value = m[1] ?? constants.get(m[2]!);
          if (value) into.add(value);
        }
        for (const m of block.matchAll(/action: \w+ \? '([a-z_.]+)' : '([a-z_.]+)'/g)) {
          into.add(m[1]!);
          into.add(m[2]!);
        }
        from = code.indexOf(call, from + call.length);
      }
    }
  }
  for (const a of REQUEST_ACTIONS) {
    timeline.add(a);
    audit.add(`request.${a}`);
  }
  for (const s of ARCO_STATUSES) audit.add(`arco.${s}`);
  for (const s of ['due_soon', 'overdue']) audit.add(`request.sla_${s}`);
  return { timeline: [...timeline].sort(), audit: [...audit].sort() };
}

describe.skipIf(!dataDir).each(testEngines())('staff pages speak in words, not codes, on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: Hono<AppEnv>;
  let deps: Deps;
  const clock = fixedClock(START);
  const as = {} as Record<StaffRole, Browser>;
  const people = {} as Record<StaffRole, Awaited<ReturnType<typeof aStaffUser>>>;
  const folios: string[] = [];
  const pages: { name: string; text: string }[] = [];

  const render = async (role: StaffRole, path: string) => {
    const res = await as[role].get(path);
    expect(res.status, `${role} ${path}`).toBe(200);
    pages.push({ name: `${role} ${path}`, text: visibleText(await res.text()) });
  };

  beforeAll(async () => {
    const stats = createStatsEngine();
    stats.load(parseDataDir(dataDir!));
    handle = await createTestDatabase(engine);
    ({ app, deps } = testApp(handle, {
      clock,
      stats,
      config: testConfig({ STATS_DATA_DIR: dataDir!, RATE_LIMIT_DISABLED: '1' }),
    }));
    for (const role of STAFF_ROLES) {
      people[role] = await aStaffUser(deps, role);
      as[role] = await signInAs(app, deps, people[role]);
      clock.advance(31_000); // a new TOTP time step for the next sign-in
    }
  }, 180_000);
  afterAll(() => handle?.close());

  it('requests in every status and kind of place, moved through the pages, with every written action', async () => {
    const geos = ['mun:15106', 'set:15054,15106,15118', 'region:13', 'zm:15.02'];
    const made: RequestRow[] = [];
    for (const [i, status] of REQUEST_STATUSES.entries()) {
      made.push(
        await aRequest(deps.db, {
          status,
          geo: geos[i % geos.length]!,
          indicators: ['population_total', 'population_female'],
          formats: ['xlsx', 'csv', 'chart', 'map', 'oficio'],
          assigneeId: ['received', 'in_review', 'clarification_requested'].includes(status)
            ? null
            : people.tecnico.id,
        }),
      );
    }
    const polygon = await aRequest(deps.db, {
      geo: polygonGeoId(POLYGON),
      geoGeojson: POLYGON,
      indicators: ['population_total'],
    });
    const otro = await aRequest(deps.db, {
      indicators: [],
      otherText: 'Número de hablantes de lengua indígena por localidad, con su grado de marginación',
      geo: 'state:15',
    });
    made.push(polygon, otro);
    folios.push(...made.map((r) => r.folio));

    // Through the pages, as people do it: triage, prevención, assignment, preparation, note, file.
    const post = (role: StaffRole, folio: string, slug: string, form: Record<string, string> = {}) =>
      as[role].post(`/staff/solicitudes/${folio}/${slug}`, form);
    expect((await post('ventanilla', polygon.folio, 'revisar')).status).toBe(303);
    expect(
      (await post('ventanilla', otro.folio, 'prevenir', { question: '¿De qué municipios y años?' })).status,
    ).toBe(303);
    expect(
      (await post('ventanilla', polygon.folio, 'asignar', { assigneeId: people.tecnico.id })).status,
    ).toBe(303);
    expect((await post('tecnico', polygon.folio, 'iniciar')).status).toBe(303);
    expect(
      (await post('tecnico', polygon.folio, 'nota', { note: 'Revisar la parte de Metepec.' })).status,
    ).toBe(303);
    const file = new FormData();
    file.set('file', new File(['a,b\n1,2\n'], 'tabulado propio.csv', { type: 'text/csv' }));
    expect((await as.tecnico.post(`/staff/solicitudes/${polygon.folio}/archivos`, file)).status).toBe(303);
    await post('ventanilla', made[0]!.folio, 'rechazar', { reason: 'duplicate', text: 'Duplica otra.' });

    // Every action code the source writes, on one request's timeline and in the audit log.
    const written = writtenActions();
    const t = translator('es-MX');
    const target = made[0]!;
    for (const action of [...written.timeline, 'some_future_action']) {
      await addTimelineEvent(deps.db, {
        requestId: target.id,
        at: clock.now(),
        actor: `staff:${people.director.id}`,
        action,
        visibleToRequester: false,
        message: null,
      });
    }
    const subjects = [
      target.folio,
      `staff:${people.tecnico.id}`,
      'email:nadie@coespo.example',
      'calendar:2026-12-12',
      'outbox:7',
      'indicator.text:population_total',
      'agency.texts',
      'seal',
    ];
    for (const [i, action] of [...written.audit, 'some.future_action'].entries()) {
      await appendAudit(deps.db, {
        actor: i % 3 === 0 ? SYSTEM : people.admin.actor,
        action,
        subject: subjects[i % subjects.length]!,
        at: clock.now(),
      });
    }
    // Each code written today has its own words in the catalog (the fallback is for tomorrow's).
    const fallback = t('staff.words.other_action', { words: '' }).split('(')[0]!;
    expect(written.timeline.filter((a) => eventLabel(t, a).startsWith(fallback))).toEqual([]);
    expect(written.audit.filter((a) => auditActionLabel(t, a).startsWith(fallback))).toEqual([]);
  });

  it('the queue under each filter, each request page for each role, the audit page: no codes', async () => {
    const queries = [
      '',
      '?status=all',
      ...REQUEST_STATUSES.map((s) => `?status=${s}`),
      '?status=all&assignee=me',
      '?status=all&assignee=none',
      `?status=all&assignee=${people.tecnico.id}`,
      ...['on_time', 'due_soon', 'overdue', 'paused'].map((d) => `?status=all&due=${d}`),
      '?status=all&sector=academia',
      '?status=all&geo=toluca',
    ];
    for (const q of queries) await render('ventanilla', `/staff/solicitudes${q}`);
    for (const role of STAFF_ROLES) {
      for (const folio of folios) await render(role, `/staff/solicitudes/${folio}`);
    }
    await render('auditor', '/staff/auditoria');
    await render('auditor', `/staff/auditoria?actor=${people.admin.id}`);
    await render('auditor', '/staff/auditoria?actor=sistema&action=request.triage');
    await render('admin', '/staff/auditoria');

    // The words are there: names, not ids.
    const all = pages.map((p) => p.text).join('\n');
    expect(all).toContain('Toluca (mun. 15106)');
    expect(all).toMatch(/3 municipios: [^,]+, Toluca, /);
    expect(all).toMatch(/Región XIII/);
    expect(all).toMatch(/Polígono \(\d+ municipios: (Toluca|Metepec|Zinacantepec) \d+ %/);
    expect(all).toContain('Número de hablantes de lengua indígena');
    expect(all).toContain(`${people.tecnico.actor.name} (Área técnica)`);
    expect(all).toContain('Excel (XLSX)');

    const found = pages.flatMap((p) => codesIn(p.text).map((c) => `${p.name}: ${c}`));
    expect(found).toEqual([]);
  }, 300_000);

  it('the polygon is drawn over the municipal boundaries, as an image with its words', async () => {
    const polygonFolio = folios.at(-2)!;
    const html = await (await as.tecnico.get(`/staff/solicitudes/${polygonFolio}`)).text();
    expect(html).toMatch(/<svg[^>]+class="polygon-map"[^>]+role="img"[^>]+aria-label="Mapa del polígono/);
    expect(html).not.toContain('<script');
  });

  it('staff e-mails: no codes in the subject, the HTML or the text', async () => {
    const samples: Record<string, unknown> = {
      'staff.alert_due_soon': {
        folio: folios[0],
        dueAt: START.toISOString(),
        staffUrl: 'https://x.example/s',
      },
      'staff.alert_overdue': {
        folio: folios[0],
        dueAt: START.toISOString(),
        staffUrl: 'https://x.example/s',
      },
      'staff.answer_ready_for_signature': { folio: folios[0], staffUrl: 'https://x.example/s' },
    };
    const found: string[] = [];
    for (const [name, data] of Object.entries(samples)) {
      const mail = await renderMail(name, data, 'es-MX', deps.config.agency);
      for (const text of [mail.subject, visibleText(mail.html), mail.text.replace(/https?:\/\/\S+/g, ' ')]) {
        found.push(...codesIn(text).map((c) => `${name}: ${c}`));
      }
    }
    expect(found).toEqual([]);
  });
});
