import { asc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import { findRequestByFolio } from '../../../src/db/requests.ts';
import { answerDrafts, answers, auditLog, requestEvents } from '../../../src/db/schema/index.ts';
import type { AnswerData } from '../../../src/documents/data-model.ts';
import { ConflictError, ForbiddenError, InvalidInputError } from '../../../src/domain/errors.ts';
import { currentDraft } from '../../../src/services/answers/answer-draft.ts';
import { oficioDraftFor } from '../../../src/services/answers/compose.ts';
import { saveAnswerDraft } from '../../../src/services/answers/save-answer-draft.ts';
import type { Deps } from '../../../src/services/deps.ts';
import { returnForChanges } from '../../../src/services/staff/return-for-changes.ts';
import { submitForApproval } from '../../../src/services/staff/submit-for-approval.ts';
import { testDeps } from '../../helpers/app.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';
import { aRequest } from '../../helpers/factories.ts';
import { aStaffUser } from './staff-helpers.ts';
import { populationOf, workbenchStats } from './workbench-helpers.ts';

describe.each(testEngines())('the técnico composes an answer on %s', (engine) => {
  let handle: DatabaseHandle;
  let deps: Deps;
  let tecnico: Awaited<ReturnType<typeof aStaffUser>>;
  let otro: Awaited<ReturnType<typeof aStaffUser>>;
  let director: Awaited<ReturnType<typeof aStaffUser>>;

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    ({ deps } = testDeps(handle, { stats: workbenchStats() }));
    tecnico = await aStaffUser(deps, 'tecnico');
    otro = await aStaffUser(deps, 'tecnico');
    director = await aStaffUser(deps, 'director');
  });
  afterAll(() => handle.close());

  const otroRequest = () =>
    aRequest(deps.db, {
      status: 'in_preparation',
      assigneeId: tecnico.id,
      indicators: [],
      otherText: 'Comparación de la población de Toluca con sus vecinos',
      geo: 'mun:15106',
      years: [2020],
      formats: ['xlsx', 'csv'],
    });
  const drafts = (requestId: string) =>
    deps.db
      .select()
      .from(answerDrafts)
      .where(eq(answerDrafts.requestId, requestId))
      .orderBy(asc(answerDrafts.version));
  const compose = {
    indicators: ['population_total'],
    places: ['mun:15106', 'mun:15054', 'mun:15118'],
    years: '2010, 2020',
    formats: ['xlsx', 'csv', 'zip'],
    explanation: 'Las cifras comparan la población de Toluca con dos municipios vecinos.',
    methodology: 'Se usan los censos y conteos de población del INEGI.',
    limitations: '',
  };

  it('starts from what was asked and keeps every save as a version, with timeline and audit', async () => {
    const req = await otroRequest();
    const start = await currentDraft(deps.db, req);
    expect(start).toMatchObject({
      version: 0,
      content: { indicators: [], places: ['mun:15106'], years: [2020] },
    });
    expect(start.content.formats).toEqual(['xlsx', 'csv']);

    const v1 = await saveAnswerDraft(deps, tecnico.actor, { folio: req.folio, ...compose });
    expect(v1).toEqual({
      version: 1,
      changes: ['indicators', 'places', 'years', 'explanation', 'methodology'],
    });
    const v2 = await saveAnswerDraft(deps, tecnico.actor, {
      folio: req.folio,
      baseVersion: '1',
      ...compose,
      limitations: 'Las cifras de 2010 provienen del censo de ese año.',
    });
    expect(v2).toEqual({ version: 2, changes: ['limitations'] });
    const rows = await drafts(req.id);
    expect(rows.map((r) => [r.version, r.savedBy])).toEqual([
      [1, `staff:${tecnico.id}`],
      [2, `staff:${tecnico.id}`],
    ]);
    expect((await currentDraft(deps.db, req)).content).toMatchObject({
      places: ['mun:15106', 'mun:15054', 'mun:15118'],
      years: [2010, 2020],
      body: { limitations: 'Las cifras de 2010 provienen del censo de ese año.' },
    });
    const events = await deps.db.select().from(requestEvents).where(eq(requestEvents.requestId, req.id));
    const saved = events.filter((e) => e.action === 'answer_draft_saved');
    expect(saved).toHaveLength(2);
    expect(saved[1]!.visibleToRequester).toBe(false);
    expect(saved[1]!.message).toBe('Borrador de la respuesta, versión 2: limitaciones.');
    const audit = await deps.db.select().from(auditLog).where(eq(auditLog.subject, req.folio));
    expect(audit.filter((a) => a.action === 'answer.draft_saved').map((a) => a.data)).toEqual([
      { version: 1, changes: ['indicators', 'places', 'years', 'explanation', 'methodology'] },
      { version: 2, changes: ['limitations'] },
    ]);

    // Saved from version 1 again (another tab): refused, nothing appended.
    await expect(
      saveAnswerDraft(deps, tecnico.actor, { folio: req.folio, baseVersion: '1', ...compose }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(await drafts(req.id)).toHaveLength(2);
  });

  it('refuses bad input in Spanish and changes nothing', async () => {
    const req = await otroRequest();
    const bad: [Record<string, unknown>, string, string][] = [
      [{ indicators: ['no_such_indicator'] }, 'indicators', 'no están en el catálogo'],
      [{ places: ['mun:99999'] }, 'places', 'catálogo de geografías'],
      [{ places: ['polygon:abc'] }, 'places', 'catálogo de geografías'],
      [{ years: '2020, veinte' }, 'years', 'cuatro cifras'],
      [{ years: '1800' }, 'years', 'entre 1950 y 2070'],
      [{ formats: ['docx'] }, 'formats', 'no es válido'],
      [{ explanation: 'x'.repeat(3001) }, 'explanation', 'máximo 3000'],
      [{ methodology: 'Texto con \u0007 campana' }, 'methodology', 'caracteres de control'],
      [{ limitations: 'Ver <b>nota</b>' }, 'limitations', 'sin etiquetas'],
    ];
    for (const [change, field, text] of bad) {
      const err = await saveAnswerDraft(deps, tecnico.actor, {
        folio: req.folio,
        ...compose,
        ...change,
      }).catch((e: unknown) => e);
      expect(err, field).toBeInstanceOf(InvalidInputError);
      const fields = (err as InvalidInputError).fields;
      expect(fields.find((f) => f.field === field)?.message, field).toContain(text);
    }
    expect(await drafts(req.id)).toHaveLength(0);
  });

  it('only the assigned técnico, only in preparation', async () => {
    const req = await otroRequest();
    await expect(
      saveAnswerDraft(deps, director.actor, { folio: req.folio, ...compose }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveAnswerDraft(deps, otro.actor, { folio: req.folio, ...compose })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    const assigned = await aRequest(deps.db, { status: 'assigned', assigneeId: tecnico.id });
    await expect(
      saveAnswerDraft(deps, tecnico.actor, { folio: assigned.folio, ...compose }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(await drafts(req.id)).toHaveLength(0);
    expect(await drafts(assigned.id)).toHaveLength(0);
  });

  it('"Enviar a firma" is refused while the draft is empty', async () => {
    const req = await otroRequest();
    const err = await submitForApproval(deps, tecnico.actor, { folio: req.folio }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidInputError);
    expect((err as InvalidInputError).fields[0]!.message).toContain('El borrador de la respuesta está vacío');
    expect((await findRequestByFolio(deps.db, req.folio))!.status).toBe('in_preparation');
    expect(await deps.db.select().from(answers).where(eq(answers.requestId, req.id))).toHaveLength(0);
  });

  it('"Enviar a firma" builds the prepared answer from the draft: three places, the paragraphs', async () => {
    const req = await otroRequest();
    // With a chart: bars by place for the last year (several places must not break the files).
    await saveAnswerDraft(deps, tecnico.actor, {
      folio: req.folio,
      ...compose,
      formats: [...compose.formats, 'chart'],
    });
    await submitForApproval(deps, tecnico.actor, { folio: req.folio });
    expect((await findRequestByFolio(deps.db, req.folio))!.status).toBe('pending_approval');
    const [answer] = await deps.db.select().from(answers).where(eq(answers.requestId, req.id));
    expect(answer!.status).toBe('prepared');
    const data = answer!.data as unknown as AnswerData;
    expect(data.places!.map((p) => p.name)).toEqual(['Toluca', 'Metepec', 'Zinacantepec']);
    expect(data.geo.name).toBe('Toluca, Metepec y Zinacantepec');
    expect(data.rows.map((r) => [r.geoId, r.year, r.value])).toEqual([
      ['mun:15106', 2010, populationOf('15106', 2010)],
      ['mun:15106', 2020, populationOf('15106', 2020)],
      ['mun:15054', 2010, populationOf('15054', 2010)],
      ['mun:15054', 2020, populationOf('15054', 2020)],
      ['mun:15118', 2010, populationOf('15118', 2010)],
      ['mun:15118', 2020, populationOf('15118', 2020)],
    ]);
    expect(data.bodyParagraphs).toEqual([compose.explanation, compose.methodology]);
    expect(answer!.files.map((f) => f.kind)).toEqual(['xlsx', 'csv', 'csv_meta', 'chart']);
    const xlsx = new ExcelJS.Workbook();
    await xlsx.xlsx.load((await deps.documents.get(answer!.files[0]!.sha256)) as unknown as ArrayBuffer);
    const meta = xlsx.getWorksheet('Léame')!;
    // Three municipalities, each its own only member: no "Municipios que integran Toluca: Toluca".
    const places = meta.getColumn(1).values.filter((v) => String(v).startsWith('Municipios que integran'));
    expect(places).toHaveLength(0);
    expect(meta.getSheetValues().flat().map(String).join('\n')).toContain('Toluca, Metepec y Zinacantepec');

    const oficio = oficioDraftFor(deps, req, data, answer!.files, {
      number: 'COESPO/DO/2026/000001',
      code: 'ABCD-EFGH',
      issuedAt: new Date('2026-11-25T18:00:00Z'),
      signatory: { name: 'Directora', post: 'Dirección' },
    });
    expect(oficio.paragraphs[0]).toContain('«Comparación de la población de Toluca con sus vecinos»');
    expect(oficio.paragraphs.slice(1, 3)).toEqual([compose.explanation, compose.methodology]);
    expect(oficio.table.rows).toHaveLength(6);
    expect(oficio.table.rows[2]!.slice(0, 4)).toEqual(['Población total', 'Metepec', '2010', '260,000']);
    // The last column: the numbers of the figure's citations in the oficio's list of sources.
    expect(oficio.table.rows[2]![4]).toMatch(/^[1-9]\d*(, [1-9]\d*)*$/);
    expect(oficio.sources.length).toBeGreaterThan(0);

    // Returned: back in preparation with the same draft; the director's comment is on the timeline.
    await returnForChanges(deps, director.actor, {
      folio: req.folio,
      comments: 'Agrega el año 2015, por favor.',
    });
    expect((await findRequestByFolio(deps.db, req.folio))!.status).toBe('in_preparation');
    expect((await currentDraft(deps.db, req)).version).toBe(1);
    await saveAnswerDraft(deps, tecnico.actor, { folio: req.folio, ...compose, years: '2010, 2015, 2020' });
    await submitForApproval(deps, tecnico.actor, { folio: req.folio });
    const all = await deps.db.select().from(answers).where(eq(answers.requestId, req.id));
    expect(all.map((a) => a.status).sort()).toEqual(['prepared', 'superseded']);
    const latest = all.find((a) => a.status === 'prepared')!;
    expect((latest.data as unknown as AnswerData).rows).toHaveLength(9);
  });

  it('a place the engine cannot answer becomes a note, not a failure', async () => {
    const req = await otroRequest();
    await saveAnswerDraft(deps, tecnico.actor, {
      folio: req.folio,
      ...compose,
      indicators: ['population_total'],
      places: ['mun:15106'],
      years: '2020, 2021',
    });
    await submitForApproval(deps, tecnico.actor, { folio: req.folio });
    const [answer] = await deps.db.select().from(answers).where(eq(answers.requestId, req.id));
    const data = answer!.data as unknown as AnswerData;
    expect(data.rows.map((r) => r.year)).toEqual([2020]);
    expect(data.notes.join(' ')).toContain('2021');
  });
});
