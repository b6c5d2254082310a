/** The director's review before signing, the rejection oficio, and the installed certificates. */
export const signingReview = {
  // Oficio (always in Spanish: it is the official document).
  'oficio.preview_mark': 'BORRADOR — SIN FIRMA',
  'oficio.preview_number': '(se asigna al firmar)',
  'oficio.preview_notice':
    'Borrador para revisión, sin validez: al firmar se asignan el número de oficio, la cadena original, el sello digital y el código de verificación.',
  'oficio.signed_with_seal': 'Firmado con el sello electrónico institucional del {agency}',
  'oficio.rejection.subject': 'Respuesta de no procedencia a su solicitud de información',
  'oficio.rejection.intro':
    'En atención a su solicitud con folio {folio}, recibida el {receivedAt}, le informo que no es procedente por el siguiente motivo:',
  'oficio.rejection.recurso':
    'Si no está de acuerdo con esta respuesta, tiene derecho a interponer el recurso de revisión ante {venue}, dentro de los {days} días hábiles siguientes a la fecha en que reciba este oficio.',
  'oficio.rejection.recurso_where': 'Puede presentarlo en: {where}.',
  // The review page
  'signing_review.title': 'Revisar y firmar la respuesta {folio}',
  'signing_review.lead':
    'Revisa el oficio tal como lo recibirá la persona solicitante. Aún no está firmado: el número de oficio y el código de verificación se asignan al firmar.',
  'signing_review.oficio_heading': 'El oficio (borrador sin firma)',
  'signing_review.page_alt': 'Página {n} de {total} del oficio, borrador sin firma',
  'signing_review.download_draft': 'Descargar el borrador del oficio (PDF)',
  'signing_review.no_images':
    'No fue posible mostrar las páginas del oficio aquí. Descarga el borrador para revisarlo.',
  'signing_review.files_heading': 'Archivos que acompañan al oficio',
  'signing_review.files_none': 'La respuesta no lleva archivos además del oficio.',
  'signing_review.col.file': 'Archivo',
  'signing_review.col.kind': 'Tipo',
  'signing_review.col.size': 'Tamaño',
  'signing_review.file.annex': 'Anexo',
  'signing_review.seal_heading': 'Firmar con el sello institucional',
  'signing_review.seal_text':
    'El servidor firma el oficio con el sello electrónico del {agency} (certificado núm. de serie {serial}, vigente hasta el {validTo}), a nombre de {name}, {post}. La respuesta se envía enseguida a la persona solicitante.',
  'signing_review.seal_submit': 'Firmar con el sello institucional y enviar',
  'signing_review.seal_missing':
    'El sello electrónico institucional no está instalado o ya no está vigente. Pide al administrador del sistema que instale un sello vigente.',
  'signing_review.efirma_heading': 'Firmar con mi e.firma',
  'signing_review.efirma_certificate':
    'Tu certificado registrado: {subject}, núm. de serie {serial}, vigente hasta el {validTo}.',
  'signing_review.efirma_missing_heading': 'No tienes registrada tu e.firma',
  'signing_review.efirma_missing':
    'Para firmar con tu e.firma, pide al administrador del sistema que registre en Dato Oficial tu certificado (.cer) de la e.firma del SAT. Solo se registra el certificado: tu archivo .key y tu contraseña nunca se entregan a nadie.',
  'signing_review.efirma_missing_seal': 'Mientras tanto, puedes firmar con el sello institucional.',
  'signing_review.return_heading': 'Devolver con comentarios',
  'signing_review.return_hint':
    'El borrador y tus comentarios quedan para el técnico, que podrá corregirlo y volver a enviarlo a firma.',
  'signing_review.return_submit': 'Devolver al técnico',
  'signing_review.back': 'Volver a la solicitud',
  // Admin: installed certificates
  'signing_review.admin.heading': 'Certificados de firma instalados',
  'signing_review.admin.hint':
    'El sello institucional firma las respuestas automáticas y las que la dirección firma con el sello; cada titular firma con su e.firma en el navegador. Se instalan desde la línea de comandos del servidor.',
  'signing_review.admin.none': 'No hay certificados de firma instalados.',
  'signing_review.admin.col.use': 'Uso',
  'signing_review.admin.col.subject': 'Titular',
  'signing_review.admin.col.serial': 'Núm. de serie',
  'signing_review.admin.col.validity': 'Vigencia',
  'signing_review.admin.col.state': 'Estado',
  'signing_review.admin.use.seal': 'Sello institucional',
  'signing_review.admin.use.director': 'e.firma de {name}',
  'signing_review.admin.use.director_shared': 'e.firma de la dirección',
  'signing_review.admin.validity': '{from} al {to}',
  'signing_review.admin.active': 'Activo',
  'signing_review.admin.inactive': 'Inactivo',
  'signing_review.admin.expired': 'Vencido',
  'signing_review.reject_hint':
    'Se emite un oficio de no procedencia con este texto y el derecho al recurso de revisión, firmado con el sello institucional, y se envía a la persona solicitante.',
  // Rejection e-mail
  'signing_review.mail.rejected_attached':
    'El oficio de no procedencia, firmado electrónicamente, va adjunto a este correo.',
} as const;
