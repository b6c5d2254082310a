import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';

const require = createRequire(import.meta.url);

// DejaVu covers Spanish (á é í ó ú ñ ü ¿ ¡) and the typographic dashes and quotes we use.
const FONT_FILES = {
  regular: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
} as const;
export type FontName = keyof typeof FONT_FILES;

const bytes = new Map<FontName, Uint8Array>();
type ParsedFont = ReturnType<typeof fontkit.create>;
const parsed = new WeakMap<Uint8Array, ParsedFont>();

export function fontBytes(name: FontName): Uint8Array {
  let b = bytes.get(name);
  if (!b) {
    b = new Uint8Array(readFileSync(require.resolve(FONT_FILES[name])));
    bytes.set(name, b);
  }
  return b;
}

/**
 * Glyphs one per character, without OpenType shaping: NFC Spanish needs no ligatures or contextual
 * forms, and fontkit's shaper was most of the render time. pdf-lib only reads `glyphs` from layout().
 */
function withoutShaping(font: ParsedFont): ParsedFont {
  const wrapper = Object.create(font) as ParsedFont;
  Object.defineProperty(wrapper, 'layout', {
    value: (text: string) => ({
      glyphs: Array.from(text, (ch) => font.glyphForCodePoint(ch.codePointAt(0)!)),
    }),
  });
  return wrapper;
}

/**
 * fontkit with a cache: pdf-lib parses the TTF on every embedFont (tens of ms for DejaVu); the parsed
 * font is read-only while subsetting, so one parse per process is enough.
 */
const cachingFontkit: typeof fontkit = {
  ...fontkit,
  create(buffer: Uint8Array, postscriptName?: string) {
    let font = parsed.get(buffer);
    if (!font) {
      font = withoutShaping(fontkit.create(buffer, postscriptName));
      parsed.set(buffer, font);
    }
    return font;
  },
};

export async function embedFonts(doc: PDFDocument): Promise<Record<FontName, PDFFont>> {
  doc.registerFontkit(cachingFontkit);
  // Two faces only: each subset costs several ms at save time.
  const [regular, bold] = await Promise.all(
    (['regular', 'bold'] as const).map((n) => doc.embedFont(fontBytes(n), { subset: true })),
  );
  return { regular: regular!, bold: bold! };
}
