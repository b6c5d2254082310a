// Trust in what the agency issues: the check of an uploaded oficio on /verificar, the one-line rule
// for names that are printed in the oficio, and the audit chain's report.
export const trust = {
  'verify.check.heading': 'Resultado de la comprobación',
  'verify.check.not_issued': 'Este archivo no es un documento emitido por {agency}.',
  'verify.check.modified':
    'El archivo fue modificado: no es el documento oficial registrado con este código.',
  'verify.check.signature_failed':
    'El contenido es el registrado, pero su firma electrónica no es válida: no lo tomes como documento oficial.',
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
} as const;
