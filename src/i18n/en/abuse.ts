import type { abuse as es } from '../es-MX/abuse.ts';

export const abuse: Record<keyof typeof es, string> = {
  'staff.audit_action.mail.list_viewed': 'Viewed the list of outgoing e-mail',
  'staff.audit_action.mail.viewed': 'Viewed an outgoing e-mail',
  'mail.admin.masked_note':
    'Sign-in links, tracking keys and download links are shown hidden: no staff member can use them on the person’s behalf.',
  'privacy.download_revoked':
    'This link no longer works: the request’s personal data were erased. The signed oficio is kept only so that anyone can check it at /verificar.',
  'privacy.erasure_kept':
    'What is kept and why: the signed oficio (with its verification code) and the request without personal data, because transparency law requires keeping issued answers and so that anyone can check an oficio at /verificar. Earlier download links stop working and sent e-mails are deleted.',
};
