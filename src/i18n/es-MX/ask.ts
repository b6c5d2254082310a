/** The question box (/preguntar, the home page, /datos and GET /api/v1/preguntar). Spanish (reference). */
export const ask = {
  'ask.citation': '{work} del {publisher}',
  'ask.sentence.population': '{place} tenía {value} habitantes en {year}, según {source}.',
  'ask.sentence.generic': '{indicator} en {place} en {year}: {value}, según {source}.',
  'ask.outside_state': '{name} (fuera del catálogo)',
  'ask.suggest.question': '{indicator} de {place}',
  'ask.suggest.question_mun': '{indicator} del municipio de {place}',
  'ask.reason.empty': 'Escribe una pregunta, por ejemplo: ¿cuántos habitantes tiene Toluca?',
  'ask.reason.unknown_words':
    'No entendí {words}: no es un lugar ni un dato del catálogo, así que no respondo con una suposición.',
  'ask.reason.outside':
    '{place} está fuera de lo que cubre este servicio: aquí hay cifras del {state}, sus regiones, zonas metropolitanas y municipios.',
  'ask.reason.ambiguous': '«{mentioned}» puede ser más de un lugar: {places}. Elige uno.',
  'ask.reason.no_indicator': 'No encontré en el catálogo un dato que responda esta pregunta.',
  'ask.reason.not_available': '{reason}',
  'ask.reason.suppressed': 'La cifra está reservada por confidencialidad.',
  'ask.reason.not_applicable': 'El lugar no existía en ese año.',
  'ask.reason.no_figure': 'No hay cifra publicada para ese lugar y año.',
  'ask.page.title': 'Pregunta por un dato',
  'ask.page.lead':
    'Escribe tu pregunta como la dirías: con o sin acentos, con el nombre corto del lugar y, si quieres, el año. Te damos la cifra oficial con su fuente; si la necesitas en un oficio firmado, la pides con un clic.',
  'ask.field.label': '¿Qué dato buscas?',
  'ask.field.hint':
    'Por ejemplo: ¿cuántos habitantes tiene Neza? · grado de marginación de San Felipe del Progreso en 2015 · viviendas con internet en la región Ixtlahuaca',
  'ask.submit': 'Preguntar',
  'ask.answer_heading': 'Respuesta',
  'ask.consult_note':
    'Cifra de consulta. Para usarla en un trámite o publicación, pide la respuesta oficial firmada.',
  'ask.definition': 'Definición: {definition}',
  'ask.table_caption': '{indicator}, {place}, por año',
  'ask.request_button': 'Recibir este dato en un oficio firmado',
  'ask.request_hint':
    'Abre la solicitud con el dato, el lugar y el año ya elegidos; solo faltan el formato, tus datos y el envío.',
  'ask.understood_heading': 'Lo que entendí',
  'ask.understood.indicator': 'Dato',
  'ask.understood.place': 'Lugar',
  'ask.understood.year': 'Año',
  'ask.understood.place_default': '{state} (no se indicó un lugar)',
  'ask.understood.year_default': 'El más reciente con datos',
  'ask.understood.none': 'Ninguno',
  'ask.understood.correction': 'Leí «{typed}» como «{read}».',
  'ask.understood.not_understood': 'Palabras que no entendí',
  'ask.unanswered_heading': 'Esta pregunta no tiene una respuesta automática',
  'ask.suggestions_heading': '¿Buscas alguno de estos?',
  'ask.other_heading': 'Pregúntale a una persona',
  'ask.other_text':
    'Envía tu pregunta como solicitud «Otro»: el personal del {agency} la revisa y te responde con un oficio firmado.',
  'ask.other_button': 'Enviar esta pregunta como solicitud',
  'ask.box.heading': 'Pregunta por un dato',
  'ask.box.hint': 'Por ejemplo: ¿cuántos habitantes tiene Neza? · marginación de Toluca 2015',
  'ask.api.invalid_q': 'Escribe una pregunta (parámetro q) de hasta {max} caracteres.',
  'ask.openapi.summary': 'Responde una pregunta escrita en español con la cifra oficial',
  'ask.openapi.description':
    'Lee la pregunta (sin importar acentos, con nombres cortos de lugares y errores de escritura pequeños) y responde con la cifra del catálogo, su fuente y su definición. Si no puede responder sin suponer, answers va vacío y explica lo que entendió, con sugerencias.',
  'ask.openapi.q': 'La pregunta, p. ej. «¿cuántos habitantes tiene Neza en 2010?»',
  'ask.openapi.request_url':
    'La página de la pregunta (/preguntar?q=…), con el botón que abre la solicitud prellenada: el dato, el lugar y los años, o la pregunta como solicitud «Otro».',
  'ask.openapi.text': 'La respuesta en una oración, con su fuente.',
  'ask.openapi.table': 'El mismo indicador y lugar en sus otros años.',
  'ask.openapi.response': 'Respuestas, lo entendido y sugerencias',
} as const;
