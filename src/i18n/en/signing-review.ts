import type { signingReview as es } from '../es-MX/signing-review.ts';

/** The director's review before signing, the rejection oficio, and the installed certificates. */
export const signingReview: Record<keyof typeof es, string> = {
  // The oficio is always rendered in Spanish; these keys exist for parity.
  'oficio.preview_mark': 'DRAFT — NOT SIGNED',
  'oficio.preview_number': '(assigned when signed)',
  'oficio.preview_notice':
    'Draft for review, not valid: the oficio number, the original string, the digital seal and the verification code are assigned when it is signed.',
  'oficio.signed_with_seal': 'Signed with the institutional electronic seal of {agency}',
  'oficio.rejection.subject': 'Your information request cannot be answered',
  'oficio.rejection.intro':
    'Regarding your request with folio {folio}, received on {receivedAt}, it cannot be answered for the following reason:',
  'oficio.rejection.recurso':
    'If you disagree with this answer, you have the right to file a review appeal (recurso de revisión) with {venue} within {days} working days after you receive this oficio.',
  'oficio.rejection.recurso_where': 'You may file it at: {where}.',
  'signing_review.title': 'Review and sign the answer {folio}',
  'signing_review.lead':
    'Review the oficio as the requester will receive it. It is not signed yet: the oficio number and the verification code are assigned when it is signed.',
  'signing_review.oficio_heading': 'The oficio (unsigned draft)',
  'signing_review.page_alt': 'Page {n} of {total} of the oficio, unsigned draft',
  'signing_review.download_draft': 'Download the draft oficio (PDF)',
  'signing_review.no_images': 'The oficio pages cannot be shown here. Download the draft to review it.',
  'signing_review.files_heading': 'Files that go with the oficio',
  'signing_review.files_none': 'The answer carries no files besides the oficio.',
  'signing_review.col.file': 'File',
  'signing_review.col.kind': 'Type',
  'signing_review.col.size': 'Size',
  'signing_review.file.annex': 'Annex',
  'signing_review.seal_heading': 'Sign with the institutional seal',
  'signing_review.seal_text':
    "The server signs the oficio with {agency}'s electronic seal (certificate serial {serial}, valid until {validTo}), on behalf of {name}, {post}. The answer is sent to the requester right away.",
  'signing_review.seal_submit': 'Sign with the institutional seal and send',
  'signing_review.seal_missing':
    'The institutional electronic seal is not installed or has expired. Ask the system administrator to install a current seal.',
  'signing_review.efirma_heading': 'Sign with my e.firma',
  'signing_review.efirma_certificate':
    'Your registered certificate: {subject}, serial {serial}, valid until {validTo}.',
  'signing_review.efirma_missing_heading': 'Your e.firma is not registered',
  'signing_review.efirma_missing':
    'To sign with your e.firma, ask the system administrator to register your SAT e.firma certificate (.cer) in Dato Oficial. Only the certificate is registered: your .key file and password are never handed to anyone.',
  'signing_review.efirma_missing_seal': 'Meanwhile, you can sign with the institutional seal.',
  'signing_review.return_heading': 'Return with comments',
  'signing_review.return_hint':
    'The draft and your comments stay with the analyst, who can correct it and send it for signature again.',
  'signing_review.return_submit': 'Return to the analyst',
  'signing_review.back': 'Back to the request',
  'signing_review.admin.heading': 'Installed signing certificates',
  'signing_review.admin.hint':
    'The institutional seal signs automatic answers and those the director signs with the seal; each head signs with their e.firma in the browser. They are installed from the server command line.',
  'signing_review.admin.none': 'No signing certificates are installed.',
  'signing_review.admin.col.use': 'Use',
  'signing_review.admin.col.subject': 'Holder',
  'signing_review.admin.col.serial': 'Serial number',
  'signing_review.admin.col.validity': 'Validity',
  'signing_review.admin.col.state': 'State',
  'signing_review.admin.use.seal': 'Institutional seal',
  'signing_review.admin.use.director': "{name}'s e.firma",
  'signing_review.admin.use.director_shared': "The director's e.firma",
  'signing_review.admin.validity': '{from} to {to}',
  'signing_review.admin.active': 'Active',
  'signing_review.admin.inactive': 'Inactive',
  'signing_review.admin.expired': 'Expired',
  'signing_review.reject_hint':
    'A signed oficio declaring the request inadmissible, with this text and the right to a review appeal, is issued with the institutional seal and sent to the requester.',
  'signing_review.mail.rejected_attached':
    'The signed oficio declaring the request inadmissible is attached.',
};
