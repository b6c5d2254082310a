import { createHash, createPrivateKey, sign as rsaSign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestCa } from '../../../src/documents/dev-ca.ts';
import { loadEfirma } from '../../../src/documents/efirma.ts';
import {
  completeOficio,
  issueOficio,
  prepareOficio,
  signedAttributesFor,
} from '../../../src/documents/issue.ts';
import { pngSize } from '../../../src/documents/png.ts';
import { verifyPdfSignature } from '../../../src/documents/verify.ts';
import { UnprocessableError } from '../../../src/domain/errors.ts';
import { aDraft, NOW, testSigner } from './fixtures.ts';
import { hasPoppler, pdfsig, pdfToPng, pdftotext } from './poppler.ts';

const poppler = hasPoppler();

describe('oficio signing (PAdES B-B)', () => {
  let signed: Buffer;
  let fixture: ReturnType<typeof testSigner>;
  beforeAll(async () => {
    fixture = testSigner();
    signed = (await issueOficio(aDraft(), fixture.signer)).pdf;
  });

  it('verifies in Node: whole-file ByteRange, digest, RSA signature, signing-certificate-v2', () => {
    const check = verifyPdfSignature(signed);
    expect(check).toMatchObject({
      valid: true,
      coversWholeFile: true,
      digestMatches: true,
      signatureValid: true,
      signingCertificateV2Matches: true,
      subFilter: 'ETSI.CAdES.detached',
    });
    expect(check.certificateSha256).toBe(createHash('sha256').update(fixture.signer.certDer).digest('hex'));
  });

  it('detects one changed byte in the signed range, and bytes appended after signing', () => {
    const tampered = Buffer.from(signed);
    tampered[200] = tampered[200]! ^ 0x01;
    expect(verifyPdfSignature(tampered).digestMatches).toBe(false);
    expect(verifyPdfSignature(tampered).valid).toBe(false);
    const appended = Buffer.concat([signed, Buffer.from('\n% añadido\n')]);
    expect(verifyPdfSignature(appended).coversWholeFile).toBe(false);
    expect(verifyPdfSignature(appended).valid).toBe(false);
  });

  it.skipIf(!poppler)('pdfsig reports the signature valid and the whole document signed', () => {
    const report = pdfsig(signed);
    expect(report).toContain('Signature is Valid.');
    expect(report).toContain('Total document signed');
    expect(report).toContain('ETSI.CAdES.detached');
    // Non-ASCII subject names survive (no double UTF-8 encoding).
    expect(report).toContain('Consejo Estatal de Población — Sello');
  });

  it.skipIf(!poppler)(
    'pdfsig reports a changed byte as invalid and appended bytes as not fully signed',
    () => {
      const tampered = Buffer.from(signed);
      tampered[200] = tampered[200]! ^ 0x01;
      expect(pdfsig(tampered)).not.toContain('Signature is Valid.');
      const appended = Buffer.concat([signed, Buffer.from('\n% añadido\n')]);
      expect(pdfsig(appended)).not.toContain('Total document signed');
    },
  );

  it.skipIf(!poppler)('renders the Spanish text with accents, the test mark and page numbers', () => {
    const text = pdftotext(signed);
    for (const s of [
      'Consejo Estatal de Población',
      'María José Núñez Peña',
      '¿Año de referencia? ¡El del Censo! Pingüino, acción, niño.',
      '1,645,352',
      'Oficio núm.: COESPO/DO/2026/000001',
      'Toluca de Lerdo, Estado de México, a 25 de noviembre de 2026',
      'DOCUMENTO DE PRUEBA — SIN VALIDEZ OFICIAL',
      'Código de verificación: 7K2M-9QXD-4HRT-B8NW',
      'a'.repeat(64),
    ]) {
      expect(text).toContain(s);
    }
    expect(text).toMatch(/Página 1 de \d/);
    const png = pdfToPng(signed);
    expect(pngSize(readFileSync(png))).toEqual({ width: 510, height: 660 });
  });

  it('the sello digital is RSA-SHA256 over the cadena original with the signer key', async () => {
    const issued = await issueOficio(aDraft(), fixture.signer);
    expect(issued.cadena.startsWith('||1|COESPO|COESPO/DO/2026/000001|COESPO-2026-000123|')).toBe(true);
    const key = createPrivateKey({
      key: fixture.files.key,
      format: 'der',
      type: 'pkcs8',
      passphrase: fixture.files.password,
    });
    expect(issued.sello).toBe(rsaSign('sha256', Buffer.from(issued.cadena), key).toString('base64'));
    expect(issued.cadena).toContain(fixture.signer.certificate.serialNumber);
  });

  it('without the test mark when the certificate is not from the test CA', async () => {
    const { pdf } = await issueOficio(aDraft(), { ...fixture.signer, test: false });
    if (poppler) expect(pdftotext(pdf)).not.toContain('SIN VALIDEZ OFICIAL');
    expect(verifyPdfSignature(pdf).valid).toBe(true);
  });

  it('two-step (browser) signing: the signature over the prepared attributes gives a valid PDF', async () => {
    const prepared = await prepareOficio(aDraft(), fixture.signer, 'c2VsbG8=');
    const attrs = await signedAttributesFor(prepared, fixture.signer.certDer);
    expect(attrs[0]).toBe(0x31);
    // The browser would do this with the decrypted .key.
    const signature = await fixture.signer.sign(attrs);
    const pdf = await completeOficio(prepared, fixture.signer.certDer, fixture.signer.chainDer, signature);
    expect(verifyPdfSignature(pdf).valid).toBe(true);
    if (poppler) expect(pdfsig(pdf)).toContain('Signature is Valid.');
    const wrong = await completeOficio(prepared, fixture.signer.certDer, [], new Uint8Array(256));
    expect(verifyPdfSignature(wrong).signatureValid).toBe(false);
  });
});

describe('loading an e.firma pair', () => {
  const ca = createTestCa({ now: NOW });
  const good = ca.issue({ cn: 'Ana Sofía Pérez Ibáñez', o: 'COESPO' }, 'correcta');
  const other = ca.issue({ cn: 'Otra Persona', o: 'COESPO' }, 'otra');

  const code = (fn: () => unknown) => {
    try {
      fn();
    } catch (err) {
      return err instanceof UnprocessableError ? err.messageKey : String(err);
    }
    return 'no error';
  };

  it('opens a good pair', () => {
    const pair = loadEfirma({ cer: good.cer, key: good.key, password: 'correcta', now: NOW });
    expect(pair.certificate.subject).toContain('Ana Sofía Pérez Ibáñez');
  });

  it('refuses a wrong password with a clear error', () => {
    expect(code(() => loadEfirma({ cer: good.cer, key: good.key, password: 'incorrecta', now: NOW }))).toBe(
      'documents.error.wrong_password',
    );
  });

  it('refuses a key that belongs to another certificate', () => {
    expect(code(() => loadEfirma({ cer: good.cer, key: other.key, password: 'otra', now: NOW }))).toBe(
      'documents.error.key_mismatch',
    );
  });

  it('refuses an expired certificate', () => {
    const old = ca.issue(
      { cn: 'Vencido', o: 'COESPO', notBefore: new Date('2020-01-01'), validDays: 365 },
      'x',
    );
    expect(code(() => loadEfirma({ cer: old.cer, key: old.key, password: 'x', now: NOW }))).toBe(
      'documents.error.certificate_expired',
    );
  });

  it('refuses a file that is not a certificate', () => {
    expect(
      code(() => loadEfirma({ cer: Buffer.from('hola'), key: good.key, password: 'correcta', now: NOW })),
    ).toBe('documents.error.bad_certificate');
  });
});
