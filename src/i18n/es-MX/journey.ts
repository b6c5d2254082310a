/** The request journey's step indicator, filters, honest no-JavaScript texts and the live status page. */
export const journey = {
  'journey.step_count': 'Paso {n} de {total}',
  'journey.indicators.filter_label': 'Buscar un indicador en la lista',
  'journey.indicators.filter_count': '{shown} de {total} indicadores a la vista',
  'journey.place.title': '¿Qué área?',
  'journey.years.hint_one': 'Estos son los años con datos de {indicator}. Marca uno o varios.',
  'journey.years.hint_many':
    'Marca uno o varios años. Junto a cada año te decimos qué indicadores elegidos tienen datos de ese año.',
  'journey.years.hint_none': 'Marca uno o varios años, o escribe otros abajo.',
  'journey.years.all': 'Con datos de todos los indicadores que elegiste',
  'journey.years.only': 'Solo con datos de: {indicators}',
  'journey.years.and_more': '{list} y {count} más',
  'journey.review.js_note':
    'Para proteger el servicio de envíos automáticos, tu navegador resolverá una breve verificación al enviar.',
  'journey.review.no_js_note':
    'Para proteger el servicio de envíos automáticos, una solicitud sin JavaScript solo puede enviarse cuando han pasado {seconds} segundos desde que la empezaste.',
  'journey.review.working': 'Verificando… la solicitud se enviará en un momento.',
  'journey.err.wait':
    'Por seguridad, una solicitud sin JavaScript no puede enviarse tan rápido. Espera {seconds} segundos y vuelve a pulsar «Enviar solicitud»; tus respuestas están guardadas.',
  'journey.confirm.next_auto':
    'Si podemos responder con los datos oficiales disponibles, la respuesta firmada suele estar lista en unos segundos: la verás en la página de tu solicitud y te llegará por correo. Si necesitamos aclarar algo, te escribiremos.',
  'journey.status.refreshing':
    'Esta página se actualiza sola cada {seconds} segundos mientras preparamos la respuesta automática.',
  'journey.status.stop_refresh': 'Dejar de actualizar esta página',
  'journey.status.changed': 'Tu solicitud cambió de estado: {status}',
  'journey.clarify.deadline':
    'Tienes hasta el {deadline} (10 días hábiles) para responder. Mientras tanto, el plazo de respuesta está detenido.',
  'journey.clarify.after':
    'Cuando respondas, el plazo vuelve a correr desde donde se detuvo y seguimos con tu solicitud. Si no respondes a tiempo, la solicitud se concluye y, si aún necesitas la información, tendrás que hacer una nueva.',
  'journey.open.title': 'Abrir tu solicitud {folio}',
  'journey.open.body': 'Pulsa el botón para abrir tu solicitud. El enlace solo funciona una vez.',
  'journey.open.button': 'Abrir mi solicitud',
  'journey.mail.clarification_deadline':
    'Tienes hasta el {deadline} (10 días hábiles) para responder. Mientras no respondas, el plazo de respuesta queda detenido.',
  'journey.mail.clarification_after':
    'Cuando respondas, el plazo vuelve a correr y seguimos con tu solicitud. Si no respondes a tiempo, la solicitud se concluye y, si aún necesitas la información, tendrás que hacer una nueva.',
  'journey.mail.clarification_link':
    'El botón abre tu solicitud directamente. Funciona una sola vez y vence el {deadline}; después puedes entrar desde «Mis solicitudes» con tu correo.',
};
