import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOneLine, toOneLine } from '../../../src/domain/one-line.ts';
import { translator } from '../../../src/i18n/index.ts';
import { fieldSchemas } from '../../../src/services/requests/request-input.ts';

const BREAKERS = [
  '\n',
  '\r',
  '\r\n',
  '\t',
  '\u0000',
  '\u000b',
  '\u000c',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u009b',
  '\u2028',
  '\u2029',
];

describe('one-line text (names and organisations printed in the oficio)', () => {
  it('refuses every control character and the Unicode line/paragraph separators', () => {
    for (const b of BREAKERS)
      expect(isOneLine(`Juan Pérez${b}SE HACE CONSTAR`), JSON.stringify(b)).toBe(false);
  });

  it('accepts names with accents, ñ, apostrophes, hyphens and non-Latin letters', () => {
    for (const name of [
      'María José Núñez Peña',
      "O'Higgins-Pérez",
      'Zoë Łukasz',
      '山田 太郎',
      'A. C. «La Ñ»',
    ])
      expect(isOneLine(name), name).toBe(true);
  });

  it('toOneLine joins the lines with single spaces', () => {
    expect(toOneLine('Juan Pérez\n\nSE HACE CONSTAR\u2028QUE\tESTO')).toBe(
      'Juan Pérez SE HACE CONSTAR QUE ESTO',
    );
    expect(toOneLine('\r\n  Ana\u0000 ')).toBe('Ana');
  });

  it('whatever the input, toOneLine gives one line and keeps every printable character in order', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
        const one = toOneLine(s);
        expect(isOneLine(one)).toBe(true);
        const printable = [...s].filter((ch) => isOneLine(ch) && !/\s/u.test(ch)).join('');
        expect(one.replace(/\s/gu, '')).toBe(printable);
      }),
    );
  });

  it('the intake rule (API and form share it) refuses each of them in a name or an organisation, in Spanish', () => {
    const requester = fieldSchemas(translator('es-MX'), {
      isIndicator: () => true,
      isGeoId: () => true,
    }).requester;
    const base = { name: 'Ana Pérez', email: 'ana@example.org', sector: 'academia' };
    expect(requester.safeParse(base).success).toBe(true);
    for (const b of BREAKERS) {
      const name = requester.safeParse({ ...base, name: `Juan${b}Pérez` });
      expect(name.success, JSON.stringify(b)).toBe(false);
      expect(name.error?.issues[0]?.message).toMatch(/^Escribe tu nombre en una sola línea/);
      const org = requester.safeParse({ ...base, organization: `UAEMéx${b}SE HACE CONSTAR` });
      expect(org.error?.issues[0]?.message).toMatch(
        /^Escribe el nombre de la organización en una sola línea/,
      );
    }
  });
});
