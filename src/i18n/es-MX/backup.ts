/** Backup and restore (CLI). */
export const backup = {
  'backup.done':
    'Copia de seguridad creada: {file} ({files} archivos, {size} bytes, base de datos {engine}).',
  'backup.err.pg_dump_missing':
    'No se encontró pg_dump en el PATH. Instala el cliente de PostgreSQL (la misma versión mayor que el servidor) o respalda la base con pg_dump por tu cuenta (ver docs/backup.md).',
  'backup.err.pg_dump_failed': 'pg_dump falló: {detail}',
  'backup.err.out_exists': 'El archivo {file} ya existe; elige otro nombre con --out.',
  'restore.done':
    'Restauración completa en {dataDir}: {files} archivos verificados (SHA-256) y base de datos {engine} restaurada.',
  'restore.err.unreadable': 'El archivo {file} no es una copia de seguridad de Dato Oficial o está dañado.',
  'restore.err.hash_mismatch':
    'La copia está dañada: {path} no coincide con su SHA-256 del manifiesto. No se restauró nada.',
  'restore.err.missing_file': 'La copia está incompleta: falta {path}. No se restauró nada.',
  'restore.err.not_empty':
    'El directorio de datos {dataDir} ya tiene datos ({what}). Restaura en un DATA_DIR nuevo y vacío.',
  'restore.err.db_not_empty':
    'La base de datos PostgreSQL de destino ya tiene tablas. Crea una base vacía y apunta DATABASE_URL a ella.',
  'restore.err.engine_mismatch':
    'La copia es de una base {archive} pero la configuración usa {target}. Ajusta DATABASE_URL (ver docs/backup.md).',
  'restore.err.pg_restore_missing': 'No se encontró pg_restore en el PATH. Instala el cliente de PostgreSQL.',
  'restore.err.pg_restore_failed': 'pg_restore falló: {detail}',
  'restore.usage': 'Indica el archivo de la copia: restore ARCHIVO',
};
