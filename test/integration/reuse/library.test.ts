import { eq } from 'drizzle-orm';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import type { RequestRow } from '../../../src/db/requests.ts';
import { auditLog, publishedAnswers } from '../../../src/db/schema/index.ts';
import type { Deps } from '../../../src/services/deps.ts';
import { findSimilar } from '../../../src/services/reuse/find-similar.ts';
import { publishAnswers } from '../../../src/services/reuse/publish-answers.ts';
import { searchPublishedAnswers } from '../../../src/services/reuse/search-published-answers.ts';
import type { AppEnv } from '../../../src/web/context.ts';
import { fixedClock, testApp } from '../../helpers/app.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';
import { aRequest } from '../../helpers/factories.ts';
import { aDeliveredAnswer } from './published-answers.ts';

describe.each(testEngines())('published answers library on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: Hono<AppEnv>;
  let deps: Deps;
  const clock = fixedClock('2026-11-24T16:00:00Z');
  // Toluca's marginalization and Región V Ecatepec's population (both with consent); three answers
  // whose requester did not agree (automatic, staff, automatic with free text), one earlier published.
  let marginalization: { request: RequestRow; files: { kind: string; sha256: string }[] };
  let population: { request: RequestRow };
  let privateOne: RequestRow;
  let autoWithText: RequestRow;
  let open: RequestRow;
  let autoNoConsent: RequestRow;

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    ({ app, deps } = testApp(handle, { clock }));
    marginalization = await aDeliveredAnswer(deps, {
      indicators: ['marginalization_index'],
      geo: 'mun:15106',
      years: [2020],
      queryKey: 'marginalization_index|mun:15106|2020',
      publishConsent: true,
      requesterName: 'Lucía Hernández',
      requesterEmail: 'lucia@example.org',
      purpose: 'Tesis sobre Toluca y sus colonias',
    });
    population = await aDeliveredAnswer(deps, {
      indicators: ['population_total'],
      geo: 'region:5',
      years: [2010, 2020],
      queryKey: 'population_total|region:5|2010,2020',
      answeredBy: 'auto',
      publishConsent: true,
      purpose: 'Diagnóstico para el plan de desarrollo de mi despacho',
    });
    privateOne = (
      await aDeliveredAnswer(deps, {
        indicators: ['population_total'],
        geo: 'mun:15106',
        answeredBy: 'staff',
      })
    ).request;
    autoWithText = (
      await aDeliveredAnswer(deps, {
        indicators: ['population_total'],
        geo: 'mun:15106',
        answeredBy: 'auto',
        otherText: 'también lo de mi colonia',
      })
    ).request;
    autoNoConsent = (
      await aDeliveredAnswer(deps, {
        indicators: ['population_total'],
        geo: 'mun:15058',
        answeredBy: 'auto',
      })
    ).request;
    open = await aRequest(deps.db, { status: 'in_preparation', publishConsent: true });
  });
  afterAll(() => handle.close());

  it('publishes only the answers whose requester agreed, once, audited, and withdraws the others', async () => {
    // An automatic answer published under the former rule (no consent) is in the library.
    await handle.db.insert(publishedAnswers).values({
      requestId: autoNoConsent.id,
      publicId: 'antigua1',
      indicators: autoNoConsent.indicators,
      topics: ['population'],
      geo: autoNoConsent.geo,
      geoName: 'Nezahualcóyotl',
      geoIds: [autoNoConsent.geo],
      years: autoNoConsent.years,
      queryKey: autoNoConsent.queryKey,
      title: 'Población total',
      searchText: 'Poblacion total',
      basis: 'public_aggregates',
      files: [],
      answeredAt: clock.now(),
      publishedAt: clock.now(),
    });
    expect(await publishAnswers(deps)).toEqual({ published: 2, withdrawn: 1 });
    expect(await publishAnswers(deps)).toEqual({ published: 0, withdrawn: 0 });
    const rows = await handle.db.select().from(publishedAnswers);
    const byRequest = new Map(rows.map((r) => [r.requestId, r]));
    expect(byRequest.get(marginalization.request.id)?.basis).toBe('consent');
    expect(byRequest.get(population.request.id)?.basis).toBe('consent');
    for (const r of [privateOne, autoWithText, autoNoConsent, open]) expect(byRequest.has(r.id)).toBe(false);
    expect((await app.request('/respuestas/antigua1')).status).toBe(404);
    const withdrawn = await handle.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'answer.unpublished'));
    expect(withdrawn.map((a) => a.subject)).toEqual([autoNoConsent.folio]);
    // The oficio names the requester: only the data files are public.
    expect(byRequest.get(marginalization.request.id)?.files.map((f) => f.kind)).toEqual(['xlsx']);
    const audits = await handle.db.select().from(auditLog).where(eq(auditLog.action, 'answer.published'));
    expect(audits.map((a) => a.subject).sort()).toEqual(
      [marginalization.request.folio, population.request.folio].sort(),
    );
  });

  it('finds by a Spanish word with or without accents and by its stem', async () => {
    const ids = async (q: string) =>
      (await searchPublishedAnswers(deps, { q })).items.map((i) => i.requestId).sort();
    // "municipios" finds the definition that says "municipio".
    expect(await ids('municipios')).toEqual([marginalization.request.id]);
    expect(await ids('Índice de marginación')).toEqual([marginalization.request.id]);
    expect(await ids('indice marginacion')).toEqual([marginalization.request.id]);
    expect(await ids('Población total')).toContain(population.request.id);
    // The municipalities of a region are searchable by name, with or without the accent.
    expect(await ids('Tecámac')).toEqual([population.request.id]);
    expect(await ids('tecamac')).toEqual([population.request.id]);
    expect(await ids('colonias')).toEqual([]);
    expect(await ids('Lucía')).toEqual([]);
  });

  it('filters by topic and by place (a municipality finds the regions that hold it)', async () => {
    const [m] = await handle.db
      .select()
      .from(publishedAnswers)
      .where(eq(publishedAnswers.requestId, marginalization.request.id));
    const byTopic = await searchPublishedAnswers(deps, { topic: m!.topics[0]! });
    expect(byTopic.items.map((i) => i.requestId)).toEqual([marginalization.request.id]);
    const byPlace = await searchPublishedAnswers(deps, { geo: 'mun:15033' });
    expect(byPlace.items.map((i) => i.requestId)).toEqual([population.request.id]);
    const toluca = await searchPublishedAnswers(deps, { geo: 'mun:15106' });
    expect(toluca.items.map((i) => i.requestId)).toEqual([marginalization.request.id]);
    expect((await searchPublishedAnswers(deps, {})).total).toBe(2);
  });

  it('lists and shows answers without personal data, and serves only their public files', async () => {
    const list = await app.request('/respuestas?q=municipios');
    expect(list.status).toBe(200);
    const html = await list.text();
    expect(html).toContain('Índice de marginación');
    expect(html).toContain('1 respuesta encontrada');
    for (const personal of ['Lucía', 'lucia@example.org', 'colonias', marginalization.request.folio])
      expect(html).not.toContain(personal);
    // Never a requester's purpose, in the list or on the answer's page.
    const all = await (await app.request('/respuestas')).text();
    expect(all).toContain('Ecatepec');
    expect(all).not.toContain('plan de desarrollo');
    for (const h of all.match(/\/respuestas\/[A-Za-z0-9_-]{6,}(?=")/g) ?? [])
      expect(await (await app.request(h)).text()).not.toMatch(/plan de desarrollo|Tesis sobre/);
    const href = /href="(\/respuestas\/[A-Za-z0-9_-]+)"/.exec(html)![1]!;
    const detail = await (await app.request(href)).text();
    expect(detail).toContain('Toluca');
    expect(detail).toContain('Quien la pidió aceptó que se publicara');
    expect(detail).not.toContain('Lucía');
    const xlsx = marginalization.files.find((f) => f.kind === 'xlsx')!;
    const oficio = marginalization.files.find((f) => f.kind === 'oficio')!;
    const file = await app.request(`${href}/archivos/${xlsx.sha256}/tabulado.xlsx`);
    expect(file.status).toBe(200);
    expect(await file.text()).toContain('tabulado');
    expect((await app.request(`${href}/archivos/${oficio.sha256}/oficio.pdf`)).status).toBe(404);
    expect((await app.request('/respuestas/no-existe')).status).toBe(404);
    expect((await app.request('/respuestas?tema=inventado')).status).toBe(400);
  });

  it('suggests published answers for the same question before submitting', async () => {
    const same = await findSimilar(deps, {
      indicators: ['marginalization_index', 'population_total'],
      geo: 'mun:15106',
      years: [2020],
    });
    expect(same.answers.map((a) => a.requestId)).toEqual([marginalization.request.id]);
    expect(same.answers[0]!.identical).toBe(false);
    const identical = await findSimilar(deps, {
      indicators: ['marginalization_index'],
      geo: 'mun:15106',
      years: [2020],
    });
    expect(identical.answers[0]!.identical).toBe(true);
    const elsewhere = await findSimilar(deps, { indicators: ['marginalization_index'], geo: 'mun:15033' });
    expect(elsewhere.answers).toEqual([]);
  });

  it('links to /datos only for indicators whose figures are loaded and answerable there', async () => {
    const real = deps.stats;
    const stats = Object.create(real) as typeof real;
    stats.indicators = (locale) =>
      real.indicators(locale).map((i) => ({ ...i, loaded: i.id === 'marginalization_index' }));
    stats.canAnswer = (q) => (q.geo === 'mun:15106' ? { ok: true } : { ok: false, reasonKey: 'x' });
    const withData = { ...deps, stats };
    const found = await findSimilar(withData, {
      indicators: ['marginalization_index', 'population_total'],
      geo: 'mun:15106',
      years: [2010, 2020],
    });
    expect(found.dataLinks.map((l) => l.url)).toEqual([
      '/datos?indicador=marginalization_index&geo=mun%3A15106&anio=2020',
    ]);
    expect(
      (await findSimilar(withData, { indicators: ['marginalization_index'], geo: 'mun:15033' })).dataLinks,
    ).toEqual([]);
  });
});
