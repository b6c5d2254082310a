import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyNonWorkingDates } from '../../../src/config/agency.ts';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import { enqueueJob } from '../../../src/db/outbox.ts';
import { INDICATORS } from '../../../src/domain/indicators.ts';
import { addWorkingTime, createCalendar, HOUR_MS } from '../../../src/domain/working-calendar.ts';
import { formatDateTime } from '../../../src/i18n/format.ts';
import { translator } from '../../../src/i18n/index.ts';
import { mailSendHandler } from '../../../src/jobs/handlers/mail-send.ts';
import { drainJobs } from '../../../src/jobs/worker.ts';
import { createMailer, mailDir } from '../../../src/mail/transport.ts';
import { computeDueAt } from '../../../src/services/calendar/compute-due-at.ts';
import { loadCalendar } from '../../../src/services/calendar/load-calendar.ts';
import type { Deps } from '../../../src/services/deps.ts';
import { sectorName } from '../../../src/services/requests/catalog.ts';
import { SECTORS } from '../../../src/services/requests/request-input.ts';
import { createStatsEngine } from '../../../src/stats/engine.ts';
import type { AppEnv } from '../../../src/web/context.ts';
import { fixedClock, testApp, testConfig, testDeps } from '../../helpers/app.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';
import { aRequest } from '../../helpers/factories.ts';
import { aStaffSession } from '../../helpers/staff-session.ts';
import { formClient } from '../portal/form-client.ts';

const JOURNEY = '/solicitud/nueva';
const radioValues = (html: string, name: string) =>
  [
    ...html.matchAll(
      new RegExp(`name="${name}"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="${name}"`, 'g'),
    ),
  ].map((m) => m[1] ?? m[2]);

/** Answers the journey's steps before «datos» (the agency's first indicator, the whole state). */
async function toPersonStep(client: ReturnType<typeof formClient>, indicator: string) {
  await client.get(`${JOURNEY}/indicadores`);
  const steps: [string, Record<string, string | string[]>][] = [
    ['indicadores', { indicators: [indicator], otherText: '' }],
    ['geografia', { geoLevel: 'state' }],
    ['anios', { years: ['2020'], yearsOther: '' }],
    ['formatos', { formats: ['xlsx'] }],
    ['proposito', { purpose: 'Diagnóstico de población para el plan estatal' }],
  ];
  for (const [step, fields] of steps) {
    const r = await client.post(`${JOURNEY}/${step}`, fields);
    expect(r.status, step).toBe(303);
    await client.get(r.location!);
  }
  return client.visit(`${JOURNEY}/datos`);
}

// Each place that used to ignore the agency file, seen with the second agency's config.
const EXAMPLE = 'config/agency.example-coespo-sonora.json';

describe.each(testEngines())('agency config reaches every corner on %s', (engine) => {
  let handle: DatabaseHandle;
  let deps: Deps;
  let app: Hono<AppEnv>;
  const config = testConfig({ AGENCY_CONFIG: EXAMPLE });
  const agency = config.agency;
  // Monday 4 May 2026, 08:00 in Hermosillo (UTC−7); 5 May is one of the agency's own holidays.
  const clock = fixedClock('2026-05-04T15:00:00Z');

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    ({ app, deps } = testApp(handle, { config, clock }));
  });
  afterAll(() => handle.close());

  it('the working calendar holds the agency own non-working days, and due dates skip them', async () => {
    const calendar = await loadCalendar(deps);
    const own = agencyNonWorkingDates(agency, [2026]);
    expect(own.length).toBeGreaterThan(0);
    for (const day of own) expect(calendar.nonWorkingDays.has(day)).toBe(true);
    expect(calendar.nonWorkingDays.has('2026-05-05')).toBe(true);

    const received = clock.now();
    const due = await computeDueAt(deps, received);
    const withoutOwnDays = createCalendar({
      timeZone: calendar.timeZone,
      officeHours: calendar.officeHours,
      nonWorkingDays: [...calendar.nonWorkingDays].filter((d) => !own.includes(d)),
    });
    const dueIgnoringThem = addWorkingTime(received, agency.slaWorkingHours * HOUR_MS, withoutOwnDays);
    // One whole day later: the agency's holiday on Tuesday 5 May is not counted.
    expect(due.getTime() - dueIgnoringThem.getTime()).toBe(24 * HOUR_MS);
  });

  it('the default agency (no own days) does not get Sonora holidays', async () => {
    const calendar = await loadCalendar({ ...deps, config: testConfig() });
    expect(calendar.nonWorkingDays.has('2026-05-05')).toBe(false);
  });

  it('the portal offers the agency sectors, in its order, and refuses the others', async () => {
    const client = formClient(app);
    const page = await toPersonStep(client, agency.indicators![0]!);
    expect(page.status).toBe(200);
    expect(radioValues(page.html, 'sector')).toEqual(agency.sectors);
    const dropped = SECTORS.find((s) => !agency.sectors.includes(s))!;
    const person = { name: 'Ana Pérez', email: 'ana@example.org', organization: '', phone: '' };
    const refused = await client.post(`${JOURNEY}/datos`, { ...person, sector: dropped });
    expect(refused.status).toBe(400);
    const accepted = await client.post(`${JOURNEY}/datos`, { ...person, sector: agency.sectors.at(-1)! });
    expect(accepted.status).toBe(303);
  });

  it('a sector the catalog does not name takes its label from the config', async () => {
    const own = {
      ...config,
      agency: {
        ...agency,
        sectors: [...agency.sectors, 'cooperativa'],
        sectorLabels: { cooperativa: { 'es-MX': 'Sociedades cooperativas', en: 'Co-operatives' } },
      },
    };
    const client = formClient(testApp(handle, { config: own, clock }).app);
    const es = await toPersonStep(client, agency.indicators![0]!);
    expect(radioValues(es.html, 'sector')).toContain('cooperativa');
    expect(es.html).toContain('Sociedades cooperativas');
    expect((await client.visit(`${JOURNEY}/datos?lang=en`)).html).toContain('Co-operatives');
  });

  it('the portal offers only the agency indicator subset', async () => {
    const subset = agency.indicators!;
    const others = INDICATORS.filter((i) => !subset.includes(i.id));
    expect(others.length).toBeGreaterThan(0);
    const client = formClient(app);
    const step = await client.visit(`${JOURNEY}/indicadores`);
    const offered = radioValues(step.html, 'indicators');
    expect(offered).toEqual(subset);
    const refused = await client.post(`${JOURNEY}/indicadores`, {
      indicators: [others[0]!.id],
      otherText: '',
    });
    expect(refused.status).toBe(400);
  });

  it('catalog texts name the agency, its state and its folio instead of COESPO Estado de México', async () => {
    const standard = testConfig().agency;
    const folioExample = `${agency.code}-${clock.now().getUTCFullYear()}-000123`;
    const lookup = await (await app.request('/consulta')).text();
    expect(lookup).toContain(folioExample);
    expect(lookup).not.toContain(`${standard.code}-2026-`);

    const client = formClient(app);
    await client.get(`${JOURNEY}/indicadores`);
    await client.post(`${JOURNEY}/indicadores`, { indicators: [agency.indicators![0]!], otherText: '' });
    for (const lang of ['es', 'en']) {
      const geo = await client.visit(`${JOURNEY}/geografia?lang=${lang}`);
      expect(geo.html).toContain(agency.stateName);
      expect(geo.html).not.toContain(standard.stateName);
      expect(geo.html).not.toContain('State of Mexico');
    }

    const datos = await (await app.request('/datos')).text();
    const lead = /<p class="lead">([^<]*)<\/p>/.exec(datos)![1]!;
    expect(lead).toContain(agency.stateName);
    expect(lead).not.toContain(standard.stateName);

    const library = await (await app.request('/respuestas')).text();
    const hint = /<p class="hint" id="f-q-hint">([^<]*)<\/p>/.exec(library)![1]!;
    expect(hint).toContain(agency.city.split(',')[0]);
    expect(hint).not.toContain('Toluca');
  });

  it('no indicator definition names the default state (every agency offers them)', () => {
    const standard = testConfig().agency;
    const all = createStatsEngine();
    for (const locale of ['es-MX', 'en'] as const) {
      const named = all
        .indicators(locale)
        .filter((i) => i.definition.includes(standard.stateName) || i.definition.includes('State of Mexico'));
      expect(named.map((i) => i.id)).toEqual([]);
    }
  });

  it('staff pages show dates in the agency time zone', async () => {
    // 06:30 UTC: still the 22nd in Hermosillo (UTC−7), already the 23rd in Mexico City (UTC−6).
    const receivedAt = new Date('2026-11-23T06:30:00Z');
    const dueAt = new Date('2026-11-26T06:30:00Z');
    const req = await aRequest(handle.db, { agencyCode: agency.code, receivedAt, dueAt });
    const { cookie } = await aStaffSession(handle.db, 'ventanilla', { at: clock.now() });
    const standardZone = testConfig().agency.timezone;
    expect(standardZone).not.toBe(agency.timezone);
    for (const path of [`/staff/solicitudes/${req.folio}`, '/staff/solicitudes']) {
      const res = await app.request(path, { headers: { cookie } });
      expect(res.status, path).toBe(200);
      const html = await res.text();
      const at = path.endsWith('solicitudes') ? dueAt : receivedAt;
      expect(html, path).toContain(formatDateTime(at, 'es-MX', agency.timezone));
      expect(html, path).not.toContain(formatDateTime(at, 'es-MX', standardZone));
    }
  });

  it('e-mail goes from the agency sender with its Reply-To', async () => {
    expect(agency.emailReplyTo).toBeTruthy();
    const dataDir = mkdtempSync(join(tmpdir(), 'agency-mail-'));
    try {
      const mailDeps = testDeps(handle, { config, clock, mailer: createMailer({ dataDir }) }).deps;
      await enqueueJob(mailDeps.db, {
        kind: 'mail.send',
        dedupeKey: 'mail:requester.sign_in_link:agency-reply-to',
        runAt: new Date(clock.now().getTime() - 1000),
        payload: {
          template: 'requester.sign_in_link',
          to: 'ana@example.org',
          locale: 'es-MX',
          data: { link: 'https://datos.example/mis-solicitudes/entrar/abc', expiresMinutes: 30 },
        },
      });
      await drainJobs(mailDeps, { handlers: { 'mail.send': mailSendHandler() } });
      const [file] = readdirSync(mailDir(dataDir)).filter((f) => f.endsWith('.eml'));
      const eml = readFileSync(join(mailDir(dataDir), file!), 'utf8');
      expect(eml).toMatch(new RegExp(`^Reply-To: ${agency.emailReplyTo!.replace(/\./g, '\\.')}$`, 'm'));
      expect(eml).toContain(agency.emailFrom.match(/<(.+)>/)![1]);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('the statistics engine and /datos offer only the agency indicator subset', async () => {
    const subset = agency.indicators!;
    expect(deps.stats.indicators().map((i) => i.id)).toEqual(subset);
    expect(deps.stats.topics().flatMap((topic) => topic.indicators)).toEqual(subset);
    const other = INDICATORS.find((i) => !subset.includes(i.id))!;
    const refused = deps.stats.canAnswer({ indicators: [other.id], geo: 'state:15', years: [2020] });
    expect(refused).toMatchObject({ ok: false, reasonKey: 'stats.reason.unknown_indicator' });
    const page = await (await app.request('/datos')).text();
    const options = [...page.matchAll(/<option value="([a-z0-9_]+)"/g)].map((m) => m[1]);
    expect(options).toEqual(subset);
    expect(page).not.toContain(`/datos/indicador/${other.id}"`);
  });

  it('staff queue and results filter by the agency sectors', async () => {
    const dropped = SECTORS.find((s) => !agency.sectors.includes(s))!;
    const staff = await aStaffSession(handle.db, 'director', {
      email: 'dir@sonora.example',
      at: clock.now(),
    });
    const selectValues = (html: string, id: string) => {
      const select = new RegExp(`<select[^>]*id="${id}"[^>]*>([\\s\\S]*?)</select>`).exec(html)![1]!;
      return [...select.matchAll(/<option value="([^"]*)"/g)].map((m) => m[1]).filter(Boolean);
    };
    const queue = await (
      await app.request('/staff/solicitudes', { headers: { cookie: staff.cookie } })
    ).text();
    expect(selectValues(queue, 'f-sector')).toEqual(agency.sectors);
    const results = await app.request('/staff/resultados', { headers: { cookie: staff.cookie } });
    expect(results.status).toBe(200);
    expect(selectValues(await results.text(), 'f-sector')).toEqual(agency.sectors);
    const refused = await app.request(`/staff/resultados?sector=${dropped}`, {
      headers: { cookie: staff.cookie },
    });
    expect(refused.status).toBe(400);
  });

  it('the results export and the sectors chart list exactly the agency sectors, in its order', async () => {
    const staff = await aStaffSession(handle.db, 'director', {
      email: 'dir-export@sonora.example',
      at: clock.now(),
    });
    const t = translator('es-MX');
    const labels = agency.sectors.map((s) => sectorName(t, 'es-MX', agency, s));
    const dropped = sectorName(t, 'es-MX', agency, SECTORS.find((s) => !agency.sectors.includes(s))!);
    const res = await app.request('/staff/resultados/exportar/xlsx?year=2026', {
      headers: { cookie: staff.cookie },
    });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const sheet = wb.getWorksheet(t('results.sheet.sectors'))!;
    const listed: unknown[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) listed.push(row.getCell(1).value);
    });
    expect(listed).toEqual(labels);
    // The CSV is the monthly table only (no sector rows); the page's sectors chart table follows the agency.
    const page = await (
      await app.request('/staff/resultados?year=2026', { headers: { cookie: staff.cookie } })
    ).text();
    for (const label of labels) expect(page).toContain(label);
    expect(page).not.toContain(dropped);
  });
});
