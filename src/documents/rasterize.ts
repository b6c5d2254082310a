import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** At most this many pages are rasterised for a preview (an oficio has one or two). */
const MAX_PAGES = 6;

/**
 * PDF pages → PNG, with poppler's `pdftoppm` (no PDF rasteriser exists in pure JS without a canvas).
 * Returns null when the tool is not installed or fails: callers then offer the PDF as a download.
 */
export async function pdfPagesToPng(pdf: Uint8Array, dpi = 110): Promise<Buffer[] | null> {
  const dir = await mkdtemp(join(tmpdir(), 'dato-preview-'));
  try {
    const input = join(dir, 'doc.pdf');
    await writeFile(input, pdf);
    await execFileAsync(
      'pdftoppm',
      ['-r', String(dpi), '-png', '-f', '1', '-l', String(MAX_PAGES), input, join(dir, 'page')],
      { timeout: 20_000 },
    );
    // pdftoppm pads page numbers to the width of the last one: a plain sort keeps the order.
    const names = (await readdir(dir)).filter((f) => f.endsWith('.png')).sort();
    return await Promise.all(names.map((f) => readFile(join(dir, f))));
  } catch {
    return null;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
