import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../src/config/index.ts';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import { parseFolio } from '../../../src/domain/folio.ts';
import { HOUR_MS, workingTimeBetween } from '../../../src/domain/working-calendar.ts';
import { computeDueAt } from '../../../src/services/calendar/compute-due-at.ts';
import { loadCalendar } from '../../../src/services/calendar/load-calendar.ts';
import type { Deps } from '../../../src/services/deps.ts';
import type { AppEnv } from '../../../src/web/context.ts';
import { fixedClock, testApp, testConfig } from '../../helpers/app.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';
import { aRequest } from '../../helpers/factories.ts';

// The app started with another agency's file: nothing of COESPO Estado de México may show through.
const EXAMPLE = 'config/agency.example-coespo-sonora.json';

describe.each(testEngines())('the app with a second agency config on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: Hono<AppEnv>;
  let deps: Deps;
  const config = testConfig({ AGENCY_CONFIG: EXAMPLE });
  const agency = config.agency;
  const clock = fixedClock('2026-11-23T15:00:00Z'); // Monday 08:00 in Hermosillo (UTC−7)

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    ({ app, deps } = testApp(handle, { config, clock }));
  });
  afterAll(() => handle.close());

  it('is really another agency than the default', () => {
    const standard = testConfig().agency;
    expect(agency.code).not.toBe(standard.code);
    expect(agency.name).not.toBe(standard.name);
    expect(agency.timezone).not.toBe(standard.timezone);
  });

  it('shows its own name and state on the pages, in both languages', async () => {
    for (const lang of ['es', 'en']) {
      const html = await (await app.request(`/?lang=${lang}`)).text();
      expect(html).toContain(agency.shortName);
      expect(html).toContain(agency.stateName);
      expect(html).toContain(agency.parentEntity);
      expect(html).not.toContain(testConfig().agency.stateName);
      expect(html).toContain('/static/agency.css');
    }
  });

  it('promises its own SLA hours on the home page', async () => {
    const html = await (await app.request('/')).text();
    expect(html).toContain(`${agency.slaWorkingHours} horas hábiles`);
  });

  it('serves its palette as CSS custom properties and its logo', async () => {
    const css = await app.request('/static/agency.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toContain('text/css');
    const text = await css.text();
    expect(text).toContain(`--brand: ${agency.colors.brand};`);
    expect(text).toContain(`--brand-dark: ${agency.colors.brandDark};`);
    const logo = await app.request('/static/agency-logo');
    expect(logo.status).toBe(200);
    expect(logo.headers.get('content-type')).toBe('image/svg+xml');
    expect(await logo.text()).toContain(agency.shortName);
  });

  it('numbers requests with its own folio prefix', async () => {
    const row = await aRequest(handle.db, { agencyCode: agency.code, receivedAt: clock.now() });
    expect(parseFolio(row.folio)?.agencyCode).toBe(agency.code);
    expect(row.folio.startsWith(`${agency.code}-2026-`)).toBe(true);
  });

  it('numbers submissions through the portal service with its folio prefix', async () => {
    const servicePath = join(PROJECT_ROOT, 'src/services/requests/submit-request.ts');
    const catalogPath = join(PROJECT_ROOT, 'src/services/requests/catalog.ts');
    if (!existsSync(servicePath) || !existsSync(catalogPath)) return; // the portal area has not landed
    const { submitRequest } = await import(servicePath);
    const { portalCatalog } = await import(catalogPath);
    const catalog = portalCatalog();
    const [firstIndicator] = catalog.topics()[0].indicators;
    const [place] = catalog.placesOf('mun');
    const result = await submitRequest(deps, {
      locale: 'es-MX',
      catalog,
      body: {
        indicators: [firstIndicator.id],
        geo: place.id,
        years: [2020],
        formats: ['xlsx'],
        purpose: 'Comprobar la numeración de otra dependencia',
        requester: {
          name: 'Persona de Prueba',
          email: 'folio-sonora@example.org',
          sector: agency.sectors[0],
        },
        privacyConsent: true,
      },
    });
    expect(result.kind).toBe('created');
    expect(parseFolio(result.request.folio)?.agencyCode).toBe(agency.code);
    expect(result.request.agencyCode).toBe(agency.code);
    expect(result.request.privacyConsentVersion).toBe(agency.privacyNoticeVersion);
  });

  it('computes due dates with its office hours, time zone and SLA', async () => {
    const received = clock.now();
    const due = await computeDueAt(deps, received);
    const calendar = await loadCalendar(deps);
    expect(calendar.timeZone).toBe(agency.timezone);
    expect(calendar.officeHours).toEqual(agency.officeHours);
    expect(workingTimeBetween(received, due, calendar)).toBe(agency.slaWorkingHours * HOUR_MS);
    // 40 h at 7 h a day (08:00–15:00) from Monday 23 at 08:00: five full days, then 5 h on Monday 30.
    expect(due.toISOString()).toBe('2026-11-30T20:00:00.000Z');
    const standardDue = await computeDueAt({ ...deps, config: testConfig() }, received);
    expect(standardDue.getTime()).not.toBe(due.getTime());
  });
});
