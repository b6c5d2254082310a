// Issue 16, findings 5–12: polygon limits, the mail viewer, duplicate requests, erasure of links and mail.
export const abuse = {
  'staff.audit_action.mail.list_viewed': 'Consultó la lista de correos salientes',
  'staff.audit_action.mail.viewed': 'Consultó un correo saliente',
  'mail.admin.masked_note':
    'Los enlaces de acceso, las claves de seguimiento y los enlaces de descarga se muestran ocultos: nadie del personal puede usarlos en nombre de la persona.',
} as const;
