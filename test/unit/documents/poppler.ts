import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * poppler-utils (pdfsig, pdftotext, pdftoppm) for the signature tests. In CI a missing tool fails the
 * run; elsewhere the tests that need it are skipped with a loud message.
 */
export function hasPoppler(): boolean {
  const ok = spawnSync('pdfsig', ['-v']).status === 0;
  if (ok) return true;
  if (process.env.CI === 'true')
    throw new Error('CI: falta pdfsig (poppler-utils); estas pruebas no pueden omitirse.');
  console.warn('\n!!! pdfsig (poppler-utils) NO está instalado: se OMITEN las pruebas que lo usan. !!!\n');
  return false;
}

function tempFile(bytes: Uint8Array, name = 'doc.pdf'): string {
  const path = join(mkdtempSync(join(tmpdir(), 'dato-pdf-')), name);
  writeFileSync(path, bytes);
  return path;
}

/** pdfsig's report. It exits 0 even for an invalid signature, so callers read the text. */
export function pdfsig(bytes: Uint8Array): string {
  const r = spawnSync('pdfsig', [tempFile(bytes)], { encoding: 'utf8' });
  return `${r.stdout}${r.stderr}`;
}

/** The PDF's text; `nodiag` leaves out diagonal text (the test/draft watermarks cut through lines). */
export function pdftotext(bytes: Uint8Array, opts: { nodiag?: boolean } = {}): string {
  const flags = opts.nodiag ? ['-nodiag'] : [];
  return execFileSync('pdftotext', [...flags, '-enc', 'UTF-8', tempFile(bytes), '-'], { encoding: 'utf8' });
}

/** First page as PNG at `dpi`, the path returned (look at it once when changing the layout). */
export function pdfToPng(bytes: Uint8Array, dpi = 60): string {
  const pdf = tempFile(bytes);
  execFileSync('pdftoppm', [
    '-r',
    String(dpi),
    '-png',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    pdf,
    pdf.replace(/\.pdf$/, ''),
  ]);
  return pdf.replace(/\.pdf$/, '.png');
}
