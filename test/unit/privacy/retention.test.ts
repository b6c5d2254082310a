import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config/index.ts';
import { yearsBefore } from '../../../src/services/privacy/anonymize-expired-requests.ts';
import { foldAccents, publishBasis } from '../../../src/services/reuse/publishable.ts';

describe('retention', () => {
  it('defaults to 5 years and rejects a bad RETENTION_YEARS naming the variable', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).retentionYears).toBe(5);
    expect(loadConfig({ NODE_ENV: 'test', RETENTION_YEARS: '7' }).retentionYears).toBe(7);
    expect(() => loadConfig({ NODE_ENV: 'test', RETENTION_YEARS: 'cinco' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'test', RETENTION_YEARS: '0' })).toThrow(/RETENTION_YEARS/);
  });

  it('counts calendar years back, 29 February to 28 February', () => {
    expect(yearsBefore(new Date('2031-06-01T12:00:00Z'), 5)).toEqual(new Date('2026-06-01T12:00:00Z'));
    expect(yearsBefore(new Date('2028-02-29T10:00:00Z'), 1)).toEqual(new Date('2027-02-28T10:00:00Z'));
  });
});

describe('what may be published', () => {
  const base = { publishConsent: false, indicators: ['population_total'], geo: 'mun:15106' };
  it("only with the requester's consent, a catalog indicator and a place that is not a drawn polygon", () => {
    expect(publishBasis(base)).toBeNull();
    expect(publishBasis({ ...base, publishConsent: true })).toBe('consent');
    expect(publishBasis({ ...base, publishConsent: true, indicators: [] })).toBeNull();
    expect(publishBasis({ ...base, publishConsent: true, geo: 'polygon:abc123' })).toBeNull();
  });

  it('folds accents the same way for stored text and searched words', () => {
    expect(foldAccents('Índice de marginación, Nezahualcóyotl, Peñón')).toBe(
      'Indice de marginacion, Nezahualcoyotl, Penon',
    );
  });
});
