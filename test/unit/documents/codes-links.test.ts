import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cadenaOriginal } from '../../../src/documents/cadena.ts';
import { newVerificationCode, normalizeVerificationCode } from '../../../src/documents/codes.ts';
import { checkDownloadLink, downloadPath } from '../../../src/documents/links.ts';

describe('verification codes', () => {
  it('are 16 Crockford base32 symbols (80 bits) in groups of four, and differ', () => {
    const codes = new Set(Array.from({ length: 500 }, newVerificationCode));
    expect(codes.size).toBe(500);
    for (const c of codes) expect(c).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
  });

  it('forgive case, spaces, missing dashes and look-alike letters when typed', () => {
    const code = newVerificationCode();
    expect(normalizeVerificationCode(code.toLowerCase().replace(/-/g, ' '))).toBe(code);
    expect(normalizeVerificationCode('7k2m9qxd4hrtb8nw')).toBe('7K2M-9QXD-4HRT-B8NW');
    expect(normalizeVerificationCode('0O1I-L000-0000-0000')).toBe('0011-1000-0000-0000');
    expect(normalizeVerificationCode('corto')).toBeNull();
    expect(normalizeVerificationCode('7K2M-9QXD-4HRT-B8NU')).toBeNull();
  });
});

describe('cadena original', () => {
  it('keeps the field order and makes pipes and line breaks in values harmless', () => {
    fc.assert(
      fc.property(fc.string(), (subject) => {
        const c = cadenaOriginal({
          agencyCode: 'COESPO',
          oficioNumber: 'N',
          folio: 'F',
          issuedAt: new Date('2026-11-25T17:00:00Z'),
          signatoryName: 'S',
          certificateSerial: '01',
          subject,
          bodySha256: 'h',
          attachments: [],
          verificationCode: 'C',
        });
        expect(c.startsWith('||1|COESPO|N|F|2026-11-25T17:00:00.000Z|S|01|')).toBe(true);
        expect(c.endsWith('|h|C||')).toBe(true);
        expect(c.split('|')).toHaveLength(14);
        expect(c).not.toMatch(/[\r\n]/);
      }),
    );
  });
});

describe('download links', () => {
  const secret = 'secreto-de-prueba-secreto-de-prueba-000';
  const sha = 'ab'.repeat(32);
  const now = new Date('2026-11-25T17:00:00Z');
  const parse = (path: string) => {
    const u = new URL(path, 'http://x');
    const [, , s256, name] = u.pathname.split('/');
    return {
      sha256: s256!,
      name: decodeURIComponent(name!),
      e: u.searchParams.get('e') ?? undefined,
      s: u.searchParams.get('s') ?? undefined,
    };
  };

  it('accept their own link until it expires', () => {
    const link = parse(downloadPath(secret, sha, 'población.xlsx', new Date(now.getTime() + 3600_000)));
    expect(checkDownloadLink(secret, link, now)).toBe(true);
    expect(checkDownloadLink(secret, link, new Date(now.getTime() + 7200_000))).toBe(false);
  });

  it('refuse another file, another name, a changed expiry or another secret', () => {
    const link = parse(downloadPath(secret, sha, 'datos.csv', new Date(now.getTime() + 3600_000)));
    expect(checkDownloadLink(secret, { ...link, sha256: 'cd'.repeat(32) }, now)).toBe(false);
    expect(checkDownloadLink(secret, { ...link, name: 'otro.csv' }, now)).toBe(false);
    expect(checkDownloadLink(secret, { ...link, e: String(Number(link.e) + 1) }, now)).toBe(false);
    expect(checkDownloadLink(`${secret}x`, link, now)).toBe(false);
    expect(checkDownloadLink(secret, { ...link, s: undefined }, now)).toBe(false);
  });
});
