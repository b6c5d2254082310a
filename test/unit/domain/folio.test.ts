import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFolio, parseFolio } from '../../../src/domain/folio.ts';

describe('folio', () => {
  it('formats as CODE-YEAR-000123', () => {
    expect(formatFolio('COESPO', 2026, 123)).toBe('COESPO-2026-000123');
  });
  it('round-trips', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2999 }),
        fc.integer({ min: 1, max: 9_999_999 }),
        (year, seq) => {
          expect(parseFolio(formatFolio('COESPO', year, seq))).toEqual({
            agencyCode: 'COESPO',
            year,
            sequence: seq,
          });
        },
      ),
    );
  });
  it('rejects malformed folios', () => {
    expect(parseFolio('COESPO-26-1')).toBeNull();
    expect(parseFolio('hola')).toBeNull();
  });
});
