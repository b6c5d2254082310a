import type { abuse as es } from '../es-MX/abuse.ts';

export const abuse: Record<keyof typeof es, string> = {
  'staff.audit_action.mail.list_viewed': 'Viewed the list of outgoing e-mail',
  'staff.audit_action.mail.viewed': 'Viewed an outgoing e-mail',
  'mail.admin.masked_note':
    'Sign-in links, tracking keys and download links are shown hidden: no staff member can use them on the person’s behalf.',
};
