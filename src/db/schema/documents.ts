import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';
import { requests } from './core.ts';

/** Content-addressed files: the bytes live once under DATA_DIR/documents/<sha256>; this is their record. */
export const storedDocuments = pgTable('stored_documents', {
  sha256: text('sha256').primaryKey(),
  size: integer('size').notNull(),
  mediaType: text('media_type').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export type AnswerFile = { name: string; kind: string; sha256: string; mediaType: string; size: number };
export const ANSWER_STATUSES = ['prepared', 'signed', 'delivered', 'superseded'] as const;
export type AnswerStatus = (typeof ANSWER_STATUSES)[number];

/** The prepared answer to a request: its figures (to render the oficio), data files and, once signed, its oficio. */
export const answers = pgTable(
  'answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id),
    status: text('status').$type<AnswerStatus>().notNull(),
    /** AnswerData (src/documents/data-model.ts) as JSON. */
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    files: jsonb('files').$type<AnswerFile[]>().notNull(),
    /** Set when signed: the oficio and the ZIP of everything. */
    oficioId: uuid('oficio_id'),
    bundleSha256: text('bundle_sha256'),
    preparedBy: text('prepared_by').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('answers_request_idx').on(t.requestId, t.createdAt)],
);

export const OFICIO_STATUSES = ['valid', 'revoked', 'replaced'] as const;
export type OficioStatus = (typeof OFICIO_STATUSES)[number];

/** Each signed oficio de salida: what /verificar/{code} shows. No requester personal data here. */
export const oficios = pgTable(
  'oficios',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id),
    number: text('number').notNull(),
    folio: text('folio').notNull(),
    verificationCode: text('verification_code').notNull(),
    status: text('status').$type<OficioStatus>().notNull().default('valid'),
    /** SHA-256 of the signed PDF (its bytes are in stored_documents, never re-saved). */
    sha256: text('sha256').notNull(),
    signatoryName: text('signatory_name').notNull(),
    signatoryPost: text('signatory_post').notNull(),
    signerRole: text('signer_role').$type<'seal' | 'director'>().notNull(),
    certificateSerial: text('certificate_serial').notNull(),
    certificateSha256: text('certificate_sha256').notNull(),
    cadena: text('cadena').notNull(),
    sello: text('sello').notNull(),
    /** Signed with the development test CA: "sin validez oficial". */
    test: boolean('test').notNull(),
    signedAt: ts('signed_at').notNull(),
    replacedBy: uuid('replaced_by'),
  },
  (t) => [
    uniqueIndex('oficios_number_uq').on(t.number),
    uniqueIndex('oficios_code_uq').on(t.verificationCode),
    index('oficios_request_idx').on(t.requestId),
    index('oficios_sha_idx').on(t.sha256),
  ],
);

/** Número de oficio: its own gapless sequence per agency and year. */
export const oficioCounters = pgTable(
  'oficio_counters',
  {
    agencyCode: text('agency_code').notNull(),
    year: integer('year').notNull(),
    lastValue: integer('last_value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyCode, t.year] })],
);

/**
 * Registered signing certificates (public part only; keys are never stored in the database). The
 * director's browser signature is checked against the active director certificate.
 */
export const signingCertificates = pgTable(
  'signing_certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    role: text('role').$type<'seal' | 'director'>().notNull(),
    staffId: uuid('staff_id'),
    subject: text('subject').notNull(),
    serial: text('serial').notNull(),
    sha256: text('sha256').notNull(),
    /** DER, base64. */
    der: text('der').notNull(),
    notBefore: ts('not_before').notNull(),
    notAfter: ts('not_after').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('signing_certificates_sha_uq').on(t.sha256),
    index('signing_certificates_role_idx').on(t.role, t.active),
  ],
);

/** A browser signature in progress: the oficio prepared for the director's certificate, waiting for the signature. */
export const pendingSignatures = pgTable('pending_signatures', {
  id: uuid('id').primaryKey().defaultRandom(),
  answerId: uuid('answer_id')
    .notNull()
    .references(() => answers.id),
  staffId: text('staff_id').notNull(),
  /** OficioDraft as JSON (number, code, date, texts) so the same PDF can be rebuilt and checked. */
  draft: jsonb('draft').$type<Record<string, unknown>>().notNull(),
  certificateSha256: text('certificate_sha256').notNull(),
  sello: text('sello'),
  /** SHA-256 of the prepared PDF (with placeholder) in the document store. */
  preparedSha256: text('prepared_sha256'),
  createdAt: ts('created_at').notNull(),
  expiresAt: ts('expires_at').notNull(),
});
