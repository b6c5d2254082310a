import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCsv, csvCell } from '../../../src/documents/csv.ts';
import type { AnswerData } from '../../../src/documents/data-model.ts';
import { buildXlsx } from '../../../src/documents/xlsx.ts';

/** Text a spreadsheet would run as a formula: = + - @ tab CR, then anything. */
const formula = fc
  .tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r'), fc.string({ maxLength: 30 }))
  .map(([a, b]) => `${a}${b} fin`);
const payloads = fc.oneof(
  formula,
  fc.constant("=cmd|' /C calc'!A0 fin"),
  fc.constant('=HYPERLINK("http://x","y") fin'),
);

/** One CSV field back to its text (RFC 4180 unquoting). */
function unquote(field: string): string {
  return field.startsWith('"') ? field.slice(1, -1).replace(/""/g, '"') : field;
}

function answerWith(text: string): AnswerData {
  return {
    folio: 'COESPO-2026-000001',
    generatedAt: new Date('2026-11-25T17:00:00Z'),
    timeZone: 'America/Mexico_City',
    agencyName: text,
    geo: { id: 'set:15033', name: text, members: [{ id: 'mun:15033', name: text }] },
    indicators: [
      {
        id: 'population_total',
        name: 'Población',
        definition: text,
        unitLabel: 'personas',
        decimals: 0,
        sources: [text],
      },
    ],
    rows: [
      {
        indicatorId: 'population_total',
        indicatorName: text,
        geoId: 'mun:15033',
        geoName: text,
        year: 2020,
        value: text,
        unitLabel: 'personas',
        decimals: 0,
        numerator: null,
        denominator: null,
        source: text,
        notes: [text],
      },
    ],
    notes: [text],
  };
}

describe('formula injection in the data files', () => {
  it('CSV: a text cell never starts with a formula character once read back', () => {
    fc.assert(
      fc.property(payloads, (text) => {
        const read = unquote(csvCell(text));
        expect(read.startsWith("'")).toBe(true);
        expect(read.slice(1)).toBe(text.normalize('NFC'));
      }),
      { numRuns: 200 },
    );
  });

  it('CSV file: every text column of the answer is escaped', () => {
    const text = "=cmd|' /C calc'!A0";
    const csv = buildCsv(answerWith(text)).toString('utf8');
    const dataLine = csv.split('\r\n')[1]!;
    expect(dataLine).not.toMatch(/(^|,)"?=cmd/);
    expect(dataLine).toContain("'=cmd|");
  });

  it('XLSX: text that looks like a formula is stored as text, never as a formula', async () => {
    await fc.assert(
      fc.asyncProperty(payloads, async (text) => {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load((await buildXlsx(answerWith(text))) as unknown as ArrayBuffer);
        let seen = 0;
        wb.eachSheet((ws) =>
          ws.eachRow((row) =>
            row.eachCell((cell) => {
              expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
              // XML normalises line ends, so compare by the marker every payload ends with.
              if (typeof cell.value === 'string' && cell.value.endsWith(' fin')) seen += 1;
            }),
          ),
        );
        // The text is in the workbook (as text): the check above is not vacuous.
        expect(seen).toBeGreaterThan(0);
      }),
      { numRuns: 15 },
    );
  });
});
