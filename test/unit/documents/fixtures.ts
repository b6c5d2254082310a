import { createTestCa } from '../../../src/documents/dev-ca.ts';
import { fileKeySigner, loadEfirma } from '../../../src/documents/efirma.ts';
import type { OficioDraft } from '../../../src/documents/issue.ts';
import type { AnswerSigner } from '../../../src/documents/signer.ts';

export const NOW = new Date('2026-11-25T17:00:00Z');

/** A test CA with one seal certificate (accented names, as real Mexican certificates have). */
export function testSigner(now = NOW) {
  const ca = createTestCa({ now, caName: 'AC de Pruebas — Población y Vivienda' });
  const files = ca.issue(
    { cn: 'Consejo Estatal de Población — Sello', o: 'Consejo Estatal de Población' },
    'contraseña-ñ',
  );
  const pair = loadEfirma({ cer: files.cer, key: files.key, password: files.password, now });
  const signer: AnswerSigner = {
    role: 'seal',
    certificate: pair.certificate,
    certDer: pair.certDer,
    chainDer: [new Uint8Array(ca.caCer)],
    sign: fileKeySigner(pair.privateKey),
    test: true,
  };
  return { ca, files, signer };
}

export function aDraft(overrides: Partial<OficioDraft> = {}): OficioDraft {
  return {
    agencyCode: 'COESPO',
    letterhead: [
      'Gobierno del Estado de México',
      'Secretaría General de Gobierno',
      'Consejo Estatal de Población',
    ],
    city: 'Toluca de Lerdo, Estado de México',
    oficioNumber: 'COESPO/DO/2026/000001',
    folio: 'COESPO-2026-000123',
    issuedAt: NOW,
    timeZone: 'America/Mexico_City',
    addressee: { name: 'María José Núñez Peña', organization: 'Universidad Autónoma del Estado de México' },
    subject: 'Respuesta a su solicitud de información sociodemográfica',
    paragraphs: [
      'En atención a su solicitud con folio COESPO-2026-000123, en la que solicita información sobre población total para Ecatepec de Morelos (2020), le informo lo siguiente:',
      '¿Año de referencia? ¡El del Censo! Pingüino, acción, niño.',
    ],
    table: {
      headers: ['Indicador', 'Ámbito', 'Año', 'Valor'],
      rows: [['Población total', 'Ecatepec de Morelos', '2020', '1,645,352']],
    },
    sources: ['INEGI, Censo de Población y Vivienda 2020'],
    notes: [],
    attachments: [{ name: 'tabulado.xlsx', sha256: 'a'.repeat(64) }],
    signatory: { name: 'Titular del Consejo Estatal de Población', post: 'Secretaría Técnica del COESPO' },
    verificationUrl: 'https://datos.example.gob.mx/verificar/7K2M-9QXD-4HRT-B8NW',
    verificationCode: '7K2M-9QXD-4HRT-B8NW',
    ...overrides,
  };
}
