// Trust in what the agency issues: the check of an uploaded oficio on /verificar, the one-line rule
// for names that are printed in the oficio, and the audit chain's report.
export const trust = {
  'verify.check.heading': 'Resultado de la comprobación',
  'verify.check.not_issued': 'Este archivo no es un documento emitido por {agency}.',
  'verify.check.modified':
    'El archivo fue modificado: no es el documento oficial registrado con este código.',
  'verify.check.signature_failed':
    'El contenido es el registrado, pero su firma electrónica no es válida: no lo tomes como documento oficial.',
  'verify.unknown.title': 'No existe ese código',
  'verify.unknown.body':
    'No hay ningún documento registrado con el código «{code}». Revisa que lo escribiste como aparece en el oficio, junto al código QR (16 letras y números, por ejemplo ABCD-EFGH-JKMN-PQRS), y vuelve a intentarlo.',
  'verify.lookup_lead':
    'Escribe el código de verificación que aparece en el oficio, junto al código QR, para ver sus datos y comprobar tu archivo PDF.',
  'verify.registered_heading': 'Documento registrado con este código',
  'verify.check.failed': 'No válido',
  'verify.check.content': 'Contenido',
  'verify.check.content.identical': 'Idéntico al documento registrado con este código.',
  'verify.check.content.modified': 'El archivo fue modificado: no es idéntico al documento registrado.',
  'verify.check.signature': 'Firma electrónica',
  'verify.check.signature.valid':
    'Válida: firmado con un certificado registrado por {agency}, vigente en la fecha de firma.',
  'verify.check.signature.missing': 'El archivo no tiene firma electrónica.',
  'verify.check.signature.broken': 'La firma está dañada o no corresponde al contenido del archivo.',
  'verify.check.signature.unknown':
    'No es un documento emitido por {agency}: el certificado que firmó no es uno registrado por {agency}.',
  'verify.check.signature.not_current':
    'El certificado de {agency} con el que se firmó no estaba vigente en la fecha de firma.',
  'verify.check.signature.inactive':
    'El certificado de {agency} con el que se firmó ya había sido dado de baja en la fecha de firma.',
  'portal.err.name_one_line':
    'Escribe tu nombre en una sola línea, sin saltos de línea, tabuladores ni caracteres de control.',
  'portal.err.organization_one_line':
    'Escribe el nombre de la organización en una sola línea, sin saltos de línea, tabuladores ni caracteres de control.',
  'audit.verify.intact': 'Bitácora íntegra: {checked} registros verificados.',
  'audit.verify.unkeyed':
    '{count} registros anteriores a la llave de la bitácora se verificaron sin llave (solo con SHA-256); la cadena con llave empieza en el registro {from}.',
  'audit.verify.all_unkeyed':
    'Ningún registro está encadenado con la llave todavía: los {count} registros se verificaron sin llave.',
  'audit.verify.broken':
    'Bitácora ALTERADA: el registro {id} no coincide con la cadena (verificados {checked}). Los registros desde ese id no son confiables.',
  'audit.verify.truncated':
    'Bitácora TRUNCADA: el punto de control firmado el {at} cubría {expected} registros hasta el {lastId}; hoy la cadena tiene {now}. Se borraron registros.',
  'audit.verify.rewritten':
    'Bitácora REESCRITA: el punto de control firmado el {at} (registro {lastId}) ya no coincide con la cadena.',
  'audit.verify.forged': 'Puntos de control FALSOS (sin la llave o la firma del sello válidas): {ids}.',
  'audit.verify.last_good':
    'Último punto de control válido: firmado el {at}, {rows} registros hasta el {lastId}.',
  'audit.verify.no_checkpoint':
    'No hay un punto de control válido: no se puede descartar que se hayan borrado los últimos registros.',
  'audit.verify.checkpoint_written':
    'Nuevo punto de control firmado con el sello: {rows} registros hasta el {lastId}.',
  'audit.verify.checkpoint_failed':
    'No se pudo firmar un nuevo punto de control (¿está instalado el sello?).',
  'audit.verify.not_intact':
    'La cadena NO está íntegra: se revisaron {n} registros, pero faltan registros o un punto de control firmado ya no coincide. Ejecuta «audit verify» para ver el detalle.',
} as const;
