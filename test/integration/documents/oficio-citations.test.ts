import { eq } from 'drizzle-orm';
import { PDFDict, PDFDocument, PDFName, type PDFNumber, PDFRawStream } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import type { RequestRow } from '../../../src/db/requests.ts';
import { answers } from '../../../src/db/schema/index.ts';
import type { AnswerData } from '../../../src/documents/data-model.ts';
import { SYSTEM } from '../../../src/domain/actor.ts';
import { translate } from '../../../src/i18n/index.ts';
import { buildAnswer } from '../../../src/services/answers/build-answer.ts';
import { oficioDraftFor } from '../../../src/services/answers/compose.ts';
import { signAnswer } from '../../../src/services/answers/sign-answer.ts';
import type { Deps } from '../../../src/services/deps.ts';
import { polygonGeoId } from '../../../src/services/requests/request-input.ts';
import { createStatsEngine } from '../../../src/stats/engine.ts';
import { parseDataDir } from '../../../src/stats/import.ts';
import { testConfig, testDeps } from '../../helpers/app.ts';
import { createTestDatabase } from '../../helpers/db.ts';
import { aRequest } from '../../helpers/factories.ts';
import { sharedDataDir } from '../../helpers/shared-data.ts';
import { hasPoppler, pdftotext } from '../../unit/documents/poppler.ts';

/**
 * Issue 17, the oficio: on the official data, for each kind of place, the letter a requester receives
 * carries the agency's logo, numbered citations in words (one per publication, each figure pointing
 * to its numbers), one number format per indicator and methodological notes without file or column
 * codes.
 */

const dir = sharedDataDir();
const poppler = hasPoppler();

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

// A count, a census percentage whose denominator may come from another publication, a published
// percentage (not aggregable: one row per municipality) and a percentage over two census years.
const INDICATORS = ['population_total', 'pct_dwellings_internet', 'pct_illiterate_15plus', 'pct_female'];

// Institutions and publications are named by their acronyms in prose; anything else in capitals
// (VPH_INTER, TVIVPARHAB, ANALF) or in snake case (pob_total) is a code a reader cannot look up.
const ACRONYMS = /\b(?:INEGI|CONAPO|COESPO|SEDATU|ITER|AGEB|IMSS)\b/g;
const CODE_PATTERNS: [string, RegExp][] = [
  ['capitals code', /[A-Z_]{4,}/g],
  ['snake_case id', /\b[a-z0-9]+_[a-z0-9_]+\b/g],
  ['column = value', /\b[A-Z]+=\d+/g],
];

function codesIn(text: string): string[] {
  return CODE_PATTERNS.flatMap(([what, re]) =>
    [...text.matchAll(re)].map(
      (m) => `${what} «${m[0]}» in “…${text.slice(Math.max(0, m.index - 40), m.index + 40)}…”`,
    ),
  );
}

/** What a person reads in the letter, up to the seal block, without the test mark, links and codes of the document itself. */
function proseOf(pdf: Uint8Array, verificationCode: string): string {
  const text = pdftotext(pdf, { nodiag: true });
  return (
    text
      .split(translate('es-MX', 'oficio.cadena'))[0]!
      // The test CA's mark on every page (pdftotext may split it across the page's text).
      .replace(new RegExp(translate('es-MX', 'oficio.test_mark').split(/\s+/).join('|'), 'g'), ' ')
      .replaceAll(verificationCode, ' ')
      .replace(/https?:\/\/\S+/g, ' ')
      .replace(ACRONYMS, ' ')
  );
}

/** Width and height of every image XObject in the PDF. */
async function imagesIn(pdf: Uint8Array): Promise<{ width: number; height: number }[]> {
  const doc = await PDFDocument.load(pdf);
  const out: { width: number; height: number }[] = [];
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    const dict = obj instanceof PDFRawStream ? obj.dict : obj instanceof PDFDict ? obj : null;
    if (dict?.get(PDFName.of('Subtype')) !== PDFName.of('Image')) continue;
    const n = (k: string) => (dict.get(PDFName.of(k)) as PDFNumber).asNumber();
    out.push({ width: n('Width'), height: n('Height') });
  }
  return out;
}

const squash = (s: string) => s.replace(/\s+/g, '');

describe.skipIf(!dir)('the oficio on the official data (PGlite)', () => {
  let handle: DatabaseHandle;
  let deps: Deps;
  beforeAll(async () => {
    handle = await createTestDatabase('pglite');
    const stats = createStatsEngine();
    stats.load(parseDataDir(dir!));
    ({ deps } = testDeps(handle, { stats, config: testConfig({ STATS_DATA_DIR: dir! }) }));
  }, 120_000);
  afterAll(() => handle.close());

  const places: [string, Partial<RequestRow>][] = [
    ['a municipality', { geo: 'mun:15106' }],
    ['a region', { geo: 'region:6' }],
    ['a metropolitan zone', { geo: 'zm:15.02' }],
    ['a set of municipalities', { geo: 'set:15106,15054' }],
    ['a polygon', { geo: polygonGeoId(POLYGON), geoGeojson: POLYGON }],
  ];

  it.each(places)(
    '%s: logo, numbered citations in words, one format per indicator, no codes',
    async (_, place) => {
      const req = await aRequest(deps.db, {
        status: 'received',
        indicators: INDICATORS,
        years: [2015, 2020],
        formats: ['xlsx', 'chart', 'map', 'oficio'],
        ...place,
      });
      await buildAnswer(deps, { requestId: req.id }, SYSTEM);
      const [answer] = await deps.db.select().from(answers).where(eq(answers.requestId, req.id));
      const data = answer!.data as unknown as AnswerData;
      const signed = await signAnswer(deps, { requestId: req.id }, SYSTEM);
      const pdf = (await deps.documents.get(signed.sha256))!;

      // One citation per publication, and every figure points at existing ones.
      const citations = data.citations ?? [];
      expect(citations.length).toBeGreaterThan(1);
      expect(new Set(citations).size).toBe(citations.length);
      for (const r of data.rows) {
        expect(r.citations?.length ?? 0).toBeGreaterThan(0);
        for (const n of r.citations!) expect(n >= 1 && n <= citations.length).toBe(true);
      }
      // The engine's source datasets are each cited: the internet share reads two publications.
      const internet = data.rows.find((r) => r.indicatorId === 'pct_dwellings_internet')!;
      const fromEngine = deps.stats.value({
        indicator: 'pct_dwellings_internet',
        geo: req.geoGeojson ?? req.geo,
        year: 2020,
      });
      expect(internet.citations!.length).toBe(fromEngine.source.length);

      // The logo configured for the agency is embedded: an image with the logo file's proportions (240 × 64).
      const images = await imagesIn(pdf);
      expect(images.some((i) => Math.abs(i.width / i.height - 240 / 64) < 0.05)).toBe(true);

      if (!poppler) return;
      const prose = proseOf(pdf, signed.verificationCode ?? '');
      expect(codesIn(prose)).toEqual([]);
      // The citations are printed numbered, in full, in order (read without the pages' header and footer).
      const text = squash(
        pdftotext(pdf, { nodiag: true })
          .replace(/Verifique este documento en \S+|Página \d+ de \d+/g, '')
          .replaceAll(translate('es-MX', 'oficio.test_mark'), ''),
      );
      citations.forEach((c, i) => {
        expect(text).toContain(squash(`${i + 1}.${c}`));
      });
      // A chart or map asked for and not made is stated in the letter with its reason.
      for (const o of data.omitted ?? []) expect(text).toContain(squash(o.reason));
      // Every percentage in the table has its indicator's one decimal: never "4 %" beside "3.5 %".
      const table = prose.slice(
        prose.indexOf(translate('es-MX', 'oficio.table.indicator')),
        prose.indexOf(translate('es-MX', 'oficio.sources')),
      );
      const percents = [...table.matchAll(/(\d[\d,.]*) %/g)].map((m) => m[1]!);
      expect(percents.length).toBeGreaterThan(0);
      for (const p of percents) expect(p).toMatch(/^\d{1,3}(?:,\d{3})*\.\d$/);
    },
    180_000,
  );

  it("a requester's «Otro» question is quoted on one line, whatever breaks and spaces were typed", async () => {
    const req = await aRequest(deps.db, {
      status: 'in_preparation',
      otherText: 'Quiero la población\r\n\r\npor   edad\tde Toluca\u2028en 2020',
    });
    const data: AnswerData = {
      folio: req.folio,
      generatedAt: new Date(),
      timeZone: 'America/Mexico_City',
      agencyName: deps.config.agency.name,
      geo: { id: '', name: '', members: [] },
      indicators: [],
      rows: [],
      notes: [],
      bodyParagraphs: ['Le informo que la cifra se encuentra en el anexo.'],
    };
    const draft = oficioDraftFor(deps, req, data, [], {
      number: 'COESPO/DO/2026/000009',
      code: 'ABCD-EFGH-JKLM-NPQR',
      issuedAt: new Date(),
      signatory: deps.config.agency.signatory,
    });
    expect(draft.paragraphs[0]).toContain('«Quiero la población por edad de Toluca en 2020»');
    expect(draft.paragraphs[0]).not.toMatch(/[\r\n\t\u2028]/);
    // The letterhead carries the agency's logo file.
    expect(draft.logo).toBe(deps.config.agency.logo);
  });
});
