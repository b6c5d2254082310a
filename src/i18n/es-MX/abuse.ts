// Issue 16, findings 5–12: polygon limits, the mail viewer, duplicate requests, erasure of links and mail.
export const abuse = {
  'staff.audit_action.mail.list_viewed': 'Consultó la lista de correos salientes',
  'staff.audit_action.mail.viewed': 'Consultó un correo saliente',
  'mail.admin.masked_note':
    'Los enlaces de acceso, las claves de seguimiento y los enlaces de descarga se muestran ocultos: nadie del personal puede usarlos en nombre de la persona.',
  'privacy.download_revoked':
    'Este enlace ya no funciona: los datos personales de la solicitud se eliminaron. El oficio firmado se conserva solo para que cualquiera pueda comprobarlo en /verificar.',
  'privacy.erasure_kept':
    'Qué se conserva y por qué: el oficio firmado (con su código de verificación) y la solicitud sin datos personales, porque la ley de transparencia obliga a conservar las respuestas emitidas y para que cualquiera pueda comprobar un oficio en /verificar. Los enlaces de descarga anteriores dejan de funcionar y los correos enviados se borran.',
} as const;
