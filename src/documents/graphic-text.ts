import fontkit from '@pdf-lib/fontkit';
import { type FontName, fontBytes } from './font.ts';

// Charts and maps are rasterised with DejaVu only (png.ts), so text is measured with the same faces.
const faces = new Map<FontName, ReturnType<typeof fontkit.create>>();

function face(name: FontName) {
  let f = faces.get(name);
  if (!f) {
    f = fontkit.create(fontBytes(name));
    faces.set(name, f);
  }
  return f;
}

/** Width in px of `text` set in DejaVu Sans at `size` px. */
export function textWidth(text: string, size: number, bold = false): number {
  const f = face(bold ? 'bold' : 'regular');
  let units = 0;
  for (const ch of text) units += f.glyphForCodePoint(ch.codePointAt(0)!).advanceWidth;
  return (units / f.unitsPerEm) * size;
}

/** `text` broken into lines no wider than `width` px (words are never split). */
export function wrapText(text: string, size: number, width: number, bold = false): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, size, bold) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

const fixed = new Map<number, Intl.NumberFormat>();

/** `1,645,352` / `24.7`: always `decimals` digits, as the indicator is published (tables and files agree). */
export function fixedNumber(value: number, decimals: number): string {
  let f = fixed.get(decimals);
  if (!f) {
    f = new Intl.NumberFormat('es-MX', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    fixed.set(decimals, f);
  }
  return f.format(value);
}
