import type { trust as es } from '../es-MX/trust.ts';

export const trust: Record<keyof typeof es, string> = {
  'verify.check.heading': 'Result of the check',
  'verify.check.not_issued': 'This file is not a document issued by {agency}.',
  'verify.check.modified':
    'The file was modified: it is not the official document registered under this code.',
  'verify.check.signature_failed':
    'The content is the registered one, but its electronic signature is not valid: do not take it as an official document.',
  'verify.unknown.title': 'That code does not exist',
  'verify.unknown.body':
    'No document is registered with the code “{code}”. Check that you typed it as it appears on the oficio, next to the QR code (16 letters and digits, e.g. ABCD-EFGH-JKMN-PQRS), and try again.',
  'verify.lookup_lead':
    'Type the verification code printed on the oficio, next to the QR code, to see its details and check your PDF file.',
  'verify.registered_heading': 'Document registered with this code',
  'verify.check.failed': 'Not valid',
  'verify.check.content': 'Content',
  'verify.check.content.identical': 'Identical to the document registered under this code.',
  'verify.check.content.modified': 'The file was modified: it is not identical to the registered document.',
  'verify.check.signature': 'Electronic signature',
  'verify.check.signature.valid':
    'Valid: signed with a certificate registered by {agency}, current on the signing date.',
  'verify.check.signature.missing': 'The file has no electronic signature.',
  'verify.check.signature.broken': 'The signature is damaged or does not match the content of the file.',
  'verify.check.signature.unknown':
    'Not a document issued by {agency}: the certificate that signed it is not one registered by {agency}.',
  'verify.check.signature.not_current':
    'The {agency} certificate that signed it was not current on the signing date.',
  'verify.check.signature.inactive':
    'The {agency} certificate that signed it had already been withdrawn on the signing date.',
  'portal.err.name_one_line': 'Write your name on one line, without line breaks, tabs or control characters.',
  'portal.err.organization_one_line':
    'Write the name of the organisation on one line, without line breaks, tabs or control characters.',
  'audit.verify.intact': 'Audit log intact: {checked} rows verified.',
  'audit.verify.unkeyed':
    '{count} rows older than the audit key were verified without the key (SHA-256 only); the keyed chain starts at row {from}.',
  'audit.verify.all_unkeyed':
    'No row is chained with the key yet: all {count} rows were verified without the key.',
  'audit.verify.broken':
    'Audit log ALTERED: row {id} does not match the chain ({checked} verified). Rows from that id on cannot be trusted.',
  'audit.verify.truncated':
    'Audit log TRUNCATED: the checkpoint signed on {at} covered {expected} rows up to {lastId}; the chain now has {now}. Rows were deleted.',
  'audit.verify.rewritten':
    'Audit log REWRITTEN: the checkpoint signed on {at} (row {lastId}) no longer matches the chain.',
  'audit.verify.forged': 'FORGED checkpoints (no valid key or seal signature): {ids}.',
  'audit.verify.last_good': 'Last valid checkpoint: signed on {at}, {rows} rows up to {lastId}.',
  'audit.verify.no_checkpoint':
    'There is no valid checkpoint: the deletion of the last rows cannot be ruled out.',
  'audit.verify.checkpoint_written': 'New checkpoint signed with the seal: {rows} rows up to {lastId}.',
  'audit.verify.checkpoint_failed': 'No new checkpoint could be signed (is the seal installed?).',
  'audit.verify.not_intact':
    'The chain is NOT intact: {n} rows were checked, but rows are missing or a signed checkpoint no longer matches. Run «audit verify» for the details.',
};
