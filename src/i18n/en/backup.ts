import type { backup as es } from '../es-MX/backup.ts';

export const backup: Record<keyof typeof es, string> = {
  'backup.done': 'Backup written: {file} ({files} files, {size} bytes, {engine} database).',
  'backup.err.pg_dump_missing':
    'pg_dump was not found on the PATH. Install the PostgreSQL client (same major version as the server) or back the database up with pg_dump yourself (see docs/backup.md).',
  'backup.err.pg_dump_failed': 'pg_dump failed: {detail}',
  'backup.err.out_exists': 'The file {file} already exists; choose another name with --out.',
  'restore.done':
    'Restore complete in {dataDir}: {files} files checked (SHA-256) and the {engine} database restored.',
  'restore.err.unreadable': 'The file {file} is not a Dato Oficial backup or it is damaged.',
  'restore.err.hash_mismatch':
    'The backup is damaged: {path} does not match its SHA-256 in the manifest. Nothing was restored.',
  'restore.err.missing_file': 'The backup is incomplete: {path} is missing. Nothing was restored.',
  'restore.err.not_empty':
    'The data directory {dataDir} already holds data ({what}). Restore into a new, empty DATA_DIR.',
  'restore.err.db_not_empty':
    'The target PostgreSQL database already has tables. Create an empty database and point DATABASE_URL to it.',
  'restore.err.engine_mismatch':
    'The backup holds a {archive} database but the configuration uses {target}. Set DATABASE_URL accordingly (see docs/backup.md).',
  'restore.err.pg_restore_missing': 'pg_restore was not found on the PATH. Install the PostgreSQL client.',
  'restore.err.pg_restore_failed': 'pg_restore failed: {detail}',
  'restore.usage': 'Give the backup file: restore FILE',
};
