import { writeFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import { findRequestByFolio } from '../../../src/db/requests.ts';
import { answerDrafts, answers } from '../../../src/db/schema/index.ts';
import { sha256Hex } from '../../../src/documents/codes.ts';
import type { AnswerData } from '../../../src/documents/data-model.ts';
import { issueOficio } from '../../../src/documents/issue.ts';
import { oficioDraftFor } from '../../../src/services/answers/compose.ts';
import type { Deps } from '../../../src/services/deps.ts';
import type { AppEnv } from '../../../src/web/context.ts';
import { fixedClock, testApp } from '../../helpers/app.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';
import { aRequest } from '../../helpers/factories.ts';
import { hasPoppler, pdfToPng, pdftotext } from '../../unit/documents/poppler.ts';
import { aStaffUser, type Browser, signInAs } from './staff-helpers.ts';
import { populationOf, workbenchStats } from './workbench-helpers.ts';

const poppler = hasPoppler();

async function anXlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Tabulado').addRows([
    ['Municipio', 'Viviendas'],
    ['Toluca', 250000],
  ]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function upload(name: string, bytes: Uint8Array | string, type = 'application/octet-stream') {
  const form = new FormData();
  form.set('file', new File([typeof bytes === 'string' ? bytes : Buffer.from(bytes)], name, { type }));
  return form;
}

describe.each(testEngines())('the answer workbench pages on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: Hono<AppEnv>;
  let deps: Deps;
  const clock = fixedClock('2026-11-23T16:00:00Z');
  const as: Record<string, Browser> = {};
  const people: Record<string, Awaited<ReturnType<typeof aStaffUser>>> = {};

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    ({ app, deps } = testApp(handle, { clock, stats: workbenchStats() }));
    for (const key of ['tecnico', 'otroTecnico', 'director'] as const) {
      people[key] = await aStaffUser(deps, key === 'otroTecnico' ? 'tecnico' : key);
      as[key] = await signInAs(app, deps, people[key]!);
      clock.advance(31_000);
    }
  });
  afterAll(() => handle.close());

  const otroRequest = (status: 'in_preparation' | 'assigned' = 'in_preparation') =>
    aRequest(deps.db, {
      status,
      assigneeId: people.tecnico!.id,
      indicators: [],
      otherText: 'Población de Toluca y Metepec en los dos últimos censos',
      geo: 'mun:15106',
      years: [2020],
      formats: ['xlsx'],
    });
  const page = (folio: string) => `/staff/solicitudes/${folio}/respuesta`;
  const form = {
    indicators: 'population_total',
    years: '2010, 2020',
    formats: 'xlsx',
    explanation: 'Las cifras provienen de los censos de población del INEGI para ambos municipios.',
  };
  // Two places: a FormData keeps the repeated field.
  const saveForm = (who: string, folio: string, extra: Record<string, string> = {}) => {
    const fd = new FormData();
    for (const [k, v] of Object.entries({ ...form, ...extra })) fd.set(k, v);
    fd.append('places', 'mun:15106');
    fd.append('places', 'mun:15054');
    return as[who]!.post(page(folio), fd);
  };
  const draftRows = async (requestId: string) =>
    deps.db.select().from(answerDrafts).where(eq(answerDrafts.requestId, requestId));

  it('shows the composer to the assigned técnico; saving re-renders the preview (no JavaScript)', async () => {
    const req = await otroRequest();
    const first = await as.tecnico!.get(page(req.folio));
    expect(first.status).toBe(200);
    const html = await first.text();
    expect(html).toContain('Preparar la respuesta');
    expect(html).toContain('Población de Toluca y Metepec en los dos últimos censos');
    expect(html).toContain('value="mun:15054"'); // the municipalities, by name, as checkboxes
    expect(html).toContain('Zonas metropolitanas');

    const saved = await saveForm('tecnico', req.folio);
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`${page(req.folio)}?guardado=1`);
    const after = await (await as.tecnico!.get(saved.headers.get('location')!)).text();
    expect(after).toContain('Borrador guardado (versión 1).');
    expect(after).toContain(form.explanation);
    for (const [name, code] of [
      ['Toluca', '15106'],
      ['Metepec', '15054'],
    ] as const) {
      expect(after).toContain(`<td>${name}</td>`);
      expect(after).toContain(populationOf(code, 2010).toLocaleString('en-US'));
    }
    // The figure's source as the oficio cites it: the census of its year, in words.
    expect(after).toContain('(INEGI). Censo de Población y Vivienda 2010. Población por municipio');
    // The request page links to the workbench and shows the save on its timeline.
    const requestPage = await (await as.tecnico!.get(`/staff/solicitudes/${req.folio}`)).text();
    expect(requestPage).toContain(`href="/staff/solicitudes/${req.folio}/respuesta"`);
    expect(requestPage).toContain(
      'Borrador de la respuesta, versión 1: indicadores, lugares, años, explicación.',
    );
  });

  it('a drawn polygon is one of the places; without boundaries the preview says why instead of failing', async () => {
    const req = await aRequest(deps.db, {
      status: 'in_preparation',
      assigneeId: people.tecnico!.id,
      indicators: ['population_total'],
      geo: 'polygon:prueba',
      geoGeojson: {
        type: 'Polygon',
        coordinates: [
          [
            [-99.7, 19.2],
            [-99.5, 19.2],
            [-99.5, 19.4],
            [-99.7, 19.2],
          ],
        ],
      },
    });
    const html = await (await as.tecnico!.get(page(req.folio))).text();
    expect(html).toContain('Área dibujada por la persona solicitante');
    expect(html).toContain('value="polygon:prueba" checked=""');
    expect(html).toContain('No se pudieron calcular cifras para Área dibujada por la persona solicitante');
    const fd = new FormData();
    for (const [k, v] of Object.entries({ ...form, places: 'polygon:prueba' })) fd.set(k, v);
    fd.append('places', 'mun:15106');
    const saved = await as.tecnico!.post(page(req.folio), fd);
    expect(saved.status).toBe(303);
    const after = await (await as.tecnico!.get(page(req.folio))).text();
    expect(after).toContain('<td>Toluca</td>');
  });

  it('bad input: 400 in Spanish, what was typed kept, nothing saved', async () => {
    const req = await otroRequest();
    const res = await saveForm('tecnico', req.folio, {
      years: 'dos mil veinte',
      explanation: 'Ver <b>tabla</b>',
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Escribe años de cuatro cifras entre 1950 y 2070');
    expect(html).toContain('Escribe texto simple, sin etiquetas');
    expect(html).toContain('href="#f-years"');
    expect(html).toContain('value="dos mil veinte"');
    expect(await draftRows(req.id)).toHaveLength(0);
  });

  it('the director and another técnico get 403; a request not in preparation 409', async () => {
    const req = await otroRequest();
    expect((await saveForm('director', req.folio)).status).toBe(403);
    expect((await saveForm('otroTecnico', req.folio)).status).toBe(403);
    const assigned = await otroRequest('assigned');
    const res = await saveForm('tecnico', assigned.folio);
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('solo puede cambiarse mientras la solicitud está en preparación');
    expect(await draftRows(req.id)).toHaveLength(0);
    expect(await draftRows(assigned.id)).toHaveLength(0);
  });

  it('annexes: checked by content and size, listed with SHA-256, removable', async () => {
    const req = await otroRequest();
    const url = `${page(req.folio)}/anexos`;
    const fake = await as.tecnico!.post(url, upload('tabla.xlsx', 'esto no es una hoja de cálculo'));
    expect(fake.status).toBe(400);
    expect(await fake.text()).toContain('El archivo no es un XLSX, CSV, PDF o PNG');
    const big = await as.tecnico!.post(url, upload('grande.csv', `a,b\n${'1,2\n'.repeat(400_000)}`));
    expect(big.status).toBe(400);
    expect(await big.text()).toContain('El archivo pesa más de 1.5 MB');
    const renamed = await as.tecnico!.post(url, upload('tabla.pdf', await anXlsx()));
    expect(renamed.status).toBe(400);
    expect(await draftRows(req.id)).toHaveLength(0);

    const xlsx = await anXlsx();
    const ok = await as.tecnico!.post(url, upload('viviendas-toluca.xlsx', xlsx));
    expect(ok.status).toBe(303);
    const csv = await as.tecnico!.post(url, upload('notas.csv', 'municipio,nota\nToluca,revisado\n'));
    expect(csv.status).toBe(303);
    const html = await (await as.tecnico!.get(page(req.folio))).text();
    expect(html).toContain('viviendas-toluca.xlsx');
    expect(html).toContain(sha256Hex(xlsx));
    const dup = await as.tecnico!.post(url, upload('viviendas-toluca.xlsx', xlsx));
    expect(dup.status).toBe(400);
    expect(await dup.text()).toContain('Ya hay un anexo con ese nombre');

    const removed = await as.tecnico!.post(`${url}/quitar`, {
      sha256: sha256Hex(new TextEncoder().encode('municipio,nota\nToluca,revisado\n')),
    });
    expect(removed.status).toBe(303);
    const rows = await draftRows(req.id);
    expect(rows.map((r) => r.changes)).toEqual([['annexes'], ['annexes'], ['annexes']]);
    const latest = rows.sort((a, b) => b.version - a.version)[0]!;
    expect((latest.content as { annexes: { name: string }[] }).annexes.map((a) => a.name)).toEqual([
      'viviendas-toluca.xlsx',
    ]);
    expect((await deps.documents.get(sha256Hex(xlsx)))?.byteLength).toBe(xlsx.byteLength);
  });

  it('"Enviar a firma": refused while empty; then the answer carries two municipalities, the paragraph and the annex', async () => {
    const req = await otroRequest();
    const empty = await as.tecnico!.post(`/staff/solicitudes/${req.folio}/enviar-a-firma`, {
      _action: 'submit_for_approval',
    });
    expect(empty.status).toBe(400);
    const emptyHtml = await empty.text();
    expect(emptyHtml).toContain('El borrador de la respuesta está vacío');
    expect(emptyHtml).toContain('href="#f-submit_for_approval-draft"');
    expect(emptyHtml).toContain('id="f-submit_for_approval-draft"');
    expect((await findRequestByFolio(deps.db, req.folio))!.status).toBe('in_preparation');

    expect((await saveForm('tecnico', req.folio)).status).toBe(303);
    const xlsx = await anXlsx();
    expect(
      (await as.tecnico!.post(`${page(req.folio)}/anexos`, upload('viviendas-toluca.xlsx', xlsx))).status,
    ).toBe(303);
    const sent = await as.tecnico!.post(`/staff/solicitudes/${req.folio}/enviar-a-firma`, {
      _action: 'submit_for_approval',
    });
    expect(sent.status).toBe(303);
    expect((await findRequestByFolio(deps.db, req.folio))!.status).toBe('pending_approval');

    const [answer] = await deps.db.select().from(answers).where(eq(answers.requestId, req.id));
    expect(answer!.status).toBe('prepared');
    const data = answer!.data as unknown as AnswerData;
    expect(data.places!.map((p) => p.id)).toEqual(['mun:15106', 'mun:15054']);
    expect(new Set(data.rows.map((r) => r.geoName))).toEqual(new Set(['Toluca', 'Metepec']));
    expect(data.bodyParagraphs).toEqual([form.explanation]);
    const annex = answer!.files.find((f) => f.kind === 'annex')!;
    expect(annex).toMatchObject({
      name: 'viviendas-toluca.xlsx',
      sha256: sha256Hex(xlsx),
      size: xlsx.byteLength,
    });

    const draft = oficioDraftFor(deps, req, data, answer!.files, {
      number: 'COESPO/DO/2026/000777',
      code: 'WXYZ-2345',
      issuedAt: clock.now(),
      signatory: { name: 'Directora de Prueba', post: 'Dirección de Estudios' },
    });
    expect(draft.paragraphs).toContain(form.explanation);
    expect(draft.attachments).toContainEqual({ name: 'viviendas-toluca.xlsx', sha256: sha256Hex(xlsx) });

    // The oficio as signed: the paragraph and the annex's fingerprint are in its text.
    if (poppler) {
      const issued = await issueOficio(
        { ...draft, agencyCode: 'COESPO' },
        await deps.signers.seal(clock.now()),
      );
      const text = pdftotext(issued.pdf).replace(/\s+/g, ' ');
      expect(text).toContain('Las cifras provienen de los censos de población del INEGI');
      expect(text.replace(/ /g, '')).toContain(sha256Hex(xlsx));
      if (process.env.WORKBENCH_OFICIO_PNG) writeFileSync(process.env.WORKBENCH_OFICIO_PNG, issued.pdf);
      expect(pdfToPng(issued.pdf)).toMatch(/\.png$/);
    }
  });
});
