import { readFile } from 'node:fs/promises';
import { degrees, PDFDocument, type PDFFont, type PDFImage, type PDFPage, rgb } from 'pdf-lib';
import QRCode from 'qrcode';
import { toOneLine } from '../domain/one-line.ts';
import { formatDate } from '../i18n/format.ts';
import { type MessageKey, type Params, translate } from '../i18n/index.ts';
import { embedFonts, type FontName } from './font.ts';
import { svgToPng } from './png.ts';

/** Everything printed on the oficio. The service composes it; this file only lays it out. */
export type OficioContent = {
  letterhead: string[];
  /** The agency's logo file (SVG, PNG or JPEG; absolute path), printed at the head of the letterhead. */
  logo?: string | undefined;
  city: string;
  oficioNumber: string;
  folio: string;
  issuedAt: Date;
  /** IANA zone the date is written in: the agency's (`config.agency.timezone`). */
  timeZone: string;
  addressee: { name: string; organization?: string | null | undefined };
  subject: string;
  paragraphs: string[];
  /** Four columns (indicator, place, year, value) and, when the sources are numbered, a fifth: their numbers. */
  table: { headers: string[]; rows: string[][] };
  /** Full citations, printed as a numbered list (the table's last column refers to these numbers). */
  sources: string[];
  /** Methodological notes in words, printed as a list under the sources. */
  notes: string[];
  attachments: { name: string; sha256: string }[];
  signatory: { name: string; post: string };
  /** How it was signed, printed under the signatory (e.g. with the institutional seal). */
  signatureNote?: string | undefined;
  cadena: string;
  sello: string;
  certificateSerial: string;
  verificationUrl: string;
  verificationCode: string;
  /** Signed with the development test CA: every page says so. */
  testMark: boolean;
  /**
   * The director's preview before signing: every page is marked as an unsigned draft and the seal
   * block (cadena, sello, QR, verification code) is replaced by that notice.
   */
  preview?: boolean;
};

// The oficio is an official Spanish document whatever the reader's language.
const t = (key: MessageKey, params?: Params) => translate('es-MX', key, params).normalize('NFC');

const PAGE = { width: 612, height: 792 } as const; // US Letter, the size Mexican offices print on
const MARGIN = 64;
const SEAL_LEADING = 1.2;
const FOOTER_HEIGHT = 24; // room for the page footer drawn at MARGIN - 24
const INK = rgb(0.1, 0.1, 0.1);
const MUTED = rgb(0.35, 0.35, 0.35);
const ACCENT = rgb(0.45, 0.07, 0.2); // institutional wine red
const VALUE_COLUMN = 3;
const SOURCE_COLUMN = 4;
const LOGO_HEIGHT = 46;

/** The logo as PNG or JPEG bytes, read (and an SVG rasterised) once per file. */
const logos = new Map<string, Promise<{ png: Uint8Array } | { jpg: Uint8Array }>>();
function logoBytes(path: string) {
  let bytes = logos.get(path);
  if (!bytes) {
    bytes = readFile(path).then((b) => {
      if (/\.svg$/i.test(path)) return { png: new Uint8Array(svgToPng(b.toString('utf8'), 720)) };
      return /\.png$/i.test(path) ? { png: new Uint8Array(b) } : { jpg: new Uint8Array(b) };
    });
    // A failed read is not kept: the next oficio tries again.
    bytes.catch(() => logos.delete(path));
    logos.set(path, bytes);
  }
  return bytes;
}

async function embedLogo(doc: PDFDocument, path: string): Promise<PDFImage> {
  const b = await logoBytes(path);
  return 'png' in b ? doc.embedPng(b.png) : doc.embedJpg(b.jpg);
}

// fontkit shapes the whole string on every width query; per-character advances, cached, are enough
// for line breaking and ~10x cheaper.
const advances = new WeakMap<PDFFont, Map<string, number>>();
function measure(font: PDFFont, text: string, size: number): number {
  let cache = advances.get(font);
  if (!cache) {
    cache = new Map();
    advances.set(font, cache);
  }
  let width = 0;
  for (const ch of text) {
    let w = cache.get(ch);
    if (w === undefined) {
      w = font.widthOfTextAtSize(ch, 1);
      cache.set(ch, w);
    }
    width += w;
  }
  return width * size;
}

/** Lays text out top to bottom, adding pages as needed. */
class Writer {
  page: PDFPage;
  y = 0;
  constructor(
    readonly doc: PDFDocument,
    readonly fonts: Record<FontName, PDFFont>,
    private readonly onNewPage: (w: Writer) => void,
  ) {
    this.page = this.addPage();
  }

  get width() {
    return PAGE.width - 2 * MARGIN;
  }

  addPage(): PDFPage {
    this.page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - MARGIN;
    this.onNewPage(this);
    return this.page;
  }

  ensure(height: number) {
    if (this.y - height < MARGIN + FOOTER_HEIGHT) this.addPage();
  }

  wrap(text: string, font: PDFFont, size: number, width = this.width): string[] {
    const lines: string[] = [];
    for (const para of text.normalize('NFC').split('\n')) {
      let line = '';
      for (const word of para.split(/\s+/)) {
        const candidate = line ? `${line} ${word}` : word;
        if (measure(font, candidate, size) <= width) {
          line = candidate;
          continue;
        }
        if (line) lines.push(line);
        // A word longer than the line (a URL, a hash, the cadena): cut it after the last "/" or before
        // the last "-" that fits (a line ending in "-" reads as a hyphenated word), else by characters.
        let rest = '';
        let restWidth = 0;
        for (const ch of word) {
          const cw = measure(font, ch, size);
          if (rest && restWidth + cw > width) {
            const cut = Math.max(rest.lastIndexOf('/') + 1, rest.lastIndexOf('-'));
            const at = cut > rest.length / 2 ? cut : rest.length;
            lines.push(rest.slice(0, at));
            rest = rest.slice(at);
            restWidth = measure(font, rest, size);
          }
          rest += ch;
          restWidth += cw;
        }
        line = rest;
      }
      lines.push(line);
    }
    return lines;
  }

  text(
    text: string,
    opts: {
      font?: FontName;
      size?: number;
      color?: ReturnType<typeof rgb>;
      align?: 'left' | 'right' | 'center';
      gap?: number;
      x?: number;
      width?: number;
      /** Line height as a multiple of the size. */
      leading?: number;
    } = {},
  ) {
    const font = this.fonts[opts.font ?? 'regular'];
    const size = opts.size ?? 10;
    const lineHeight = size * (opts.leading ?? 1.35);
    const x0 = opts.x ?? MARGIN;
    const width = opts.width ?? this.width;
    for (const line of this.wrap(text, font, size, width)) {
      this.ensure(lineHeight);
      const w = measure(font, line, size);
      const x = opts.align === 'right' ? x0 + width - w : opts.align === 'center' ? x0 + (width - w) / 2 : x0;
      this.page.drawText(line, { x, y: this.y - size, size, font, color: opts.color ?? INK });
      this.y -= lineHeight;
    }
    this.y -= opts.gap ?? 0;
  }

  /** A list item: `label` ("1.", "•") in the margin of a hanging indent, the text wrapped beside it. */
  item(label: string, text: string, opts: { size: number; color?: ReturnType<typeof rgb>; gap?: number }) {
    const indent = 16;
    const font = this.fonts.regular;
    const lineHeight = opts.size * 1.35;
    const lines = this.wrap(text, font, opts.size, this.width - indent);
    // One item on one page (a citation cut by a page break is hard to read), unless it is longer.
    if (lines.length * lineHeight < PAGE.height / 3) this.ensure(lines.length * lineHeight);
    lines.forEach((line, i) => {
      this.ensure(lineHeight);
      const color = opts.color ?? INK;
      if (i === 0)
        this.page.drawText(label, { x: MARGIN, y: this.y - opts.size, size: opts.size, font, color });
      this.page.drawText(line, { x: MARGIN + indent, y: this.y - opts.size, size: opts.size, font, color });
      this.y -= lineHeight;
    });
    this.y -= opts.gap ?? 0;
  }

  table(headers: string[], rows: string[][], widths: number[]) {
    const size = 9;
    const pad = 4;
    const drawRow = (cells: string[], bold: boolean) => {
      const font = this.fonts[bold ? 'bold' : 'regular'];
      const wrapped = cells.map((c, i) => this.wrap(c, font, size, (widths[i] ?? 80) - 2 * pad));
      const height = Math.max(...wrapped.map((l) => l.length)) * size * 1.3 + 2 * pad;
      const page = this.page;
      this.ensure(height);
      // A table continued on a new page repeats its header.
      if (!bold && this.page !== page) drawRow(headers, true);
      let x = MARGIN;
      wrapped.forEach((lines, i) => {
        const w = widths[i] ?? 80;
        this.page.drawRectangle({
          x,
          y: this.y - height,
          width: w,
          height,
          borderColor: MUTED,
          borderWidth: 0.5,
          ...(bold ? { color: rgb(0.93, 0.9, 0.91) } : {}),
        });
        lines.forEach((line, j) => {
          // Values (fourth column) right-aligned, as a statistician reads them; source numbers centred.
          const lw = measure(font, line, size);
          const tx =
            i === VALUE_COLUMN && !bold ? x + w - pad - lw : i === SOURCE_COLUMN ? x + (w - lw) / 2 : x + pad;
          this.page.drawText(line, {
            x: tx,
            y: this.y - pad - size - j * size * 1.3,
            size,
            font,
            color: INK,
          });
        });
        x += w;
      });
      this.y -= height;
    };
    drawRow(headers, true);
    for (const r of rows) drawRow(r, false);
    this.y -= 8;
  }
}

function drawQr(page: PDFPage, text: string, x: number, y: number, size: number) {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const cell = size / (n + 8);
  const x0 = x + 4 * cell;
  const y0 = y + 4 * cell;
  page.drawRectangle({ x, y, width: size, height: size, color: rgb(1, 1, 1) });
  for (let r = 0; r < n; r++) {
    // Runs of dark modules as one rectangle: fewer operators, smaller file.
    let c = 0;
    while (c < n) {
      if (!qr.modules.get(r, c)) {
        c++;
        continue;
      }
      const start = c;
      while (c < n && qr.modules.get(r, c)) c++;
      page.drawRectangle({
        x: x0 + start * cell,
        y: y0 + (n - 1 - r) * cell,
        width: (c - start) * cell,
        height: cell,
        color: rgb(0, 0, 0),
      });
    }
  }
}

/**
 * Renders the oficio de salida as an unsaved PDFDocument (the caller adds the signature placeholder
 * and saves once). Spanish text is NFC-normalised and set in embedded DejaVu.
 */
export async function renderOficio(c: OficioContent): Promise<PDFDocument> {
  const doc = await PDFDocument.create();
  doc.setTitle(t('oficio.number', { number: c.oficioNumber }));
  doc.setSubject(c.subject.normalize('NFC'));
  doc.setAuthor(c.signatory.name.normalize('NFC'));
  doc.setCreator('Dato Oficial');
  doc.setProducer('Dato Oficial');
  doc.setLanguage('es-MX');
  doc.setCreationDate(c.issuedAt);
  doc.setModificationDate(c.issuedAt);
  const fonts = await embedFonts(doc);

  const w = new Writer(doc, fonts, (wr) => {
    if (c.preview) {
      wr.page.drawText(t('oficio.preview_mark'), {
        x: 90,
        y: 200,
        size: 40,
        font: fonts.bold,
        color: rgb(0.6, 0.6, 0.6),
        opacity: 0.25,
        rotate: degrees(40),
      });
      wr.text(t('oficio.preview_mark'), {
        font: 'bold',
        size: 10,
        color: rgb(0.8, 0, 0),
        align: 'center',
        gap: 4,
      });
    }
    if (c.testMark) {
      wr.page.drawText(t('oficio.test_mark'), {
        x: 80,
        y: 170,
        size: 22,
        font: fonts.bold,
        color: rgb(0.85, 0.1, 0.1),
        opacity: 0.18,
        rotate: degrees(40),
      });
      wr.text(t('oficio.test_mark'), {
        font: 'bold',
        size: 10,
        color: rgb(0.8, 0, 0),
        align: 'center',
        gap: 4,
      });
    }
  });

  // Letterhead: the logo at the left, the agency's hierarchy at the right, the highest authority first.
  const headTop = w.y;
  let headX = MARGIN;
  if (c.logo) {
    const logo = await embedLogo(doc, c.logo);
    const width = (logo.width / logo.height) * LOGO_HEIGHT;
    w.page.drawImage(logo, { x: MARGIN, y: headTop - LOGO_HEIGHT, width, height: LOGO_HEIGHT });
    headX = MARGIN + width + 16;
  }
  c.letterhead.forEach((line, i) => {
    const last = i === c.letterhead.length - 1;
    w.text(line, {
      font: 'bold',
      size: last ? 12 : 9.5,
      color: last ? ACCENT : INK,
      align: 'right',
      x: headX,
      width: PAGE.width - MARGIN - headX,
    });
  });
  w.y = Math.min(w.y, headTop - (c.logo ? LOGO_HEIGHT : 0)) - 2;
  w.page.drawLine({
    start: { x: MARGIN, y: w.y - 4 },
    end: { x: PAGE.width - MARGIN, y: w.y - 4 },
    thickness: 1,
    color: ACCENT,
  });
  w.y -= 14;
  w.text(t('oficio.number', { number: c.oficioNumber }), { font: 'bold', align: 'right' });
  w.text(t('oficio.folio', { folio: c.folio }), { align: 'right' });
  w.text(t('oficio.place_date', { city: c.city, date: formatDate(c.issuedAt, 'es-MX', c.timeZone) }), {
    align: 'right',
    gap: 6,
  });
  w.text(t('oficio.subject', { subject: c.subject }), { font: 'bold', align: 'right', gap: 14 });

  // The requester typed these: one line each, whatever an old row holds (intake refuses breaks now).
  w.text(t('oficio.addressee_prefix', { name: toOneLine(c.addressee.name) }), { font: 'bold' });
  if (c.addressee.organization) w.text(toOneLine(c.addressee.organization));
  w.text(t('oficio.present'), { font: 'bold', gap: 12 });

  for (const p of c.paragraphs) w.text(p, { gap: 7 });

  if (c.table.rows.length > 0) {
    const shares =
      c.table.headers.length > SOURCE_COLUMN ? [0.34, 0.27, 0.09, 0.19, 0.11] : [0.38, 0.3, 0.1, 0.22];
    w.table(
      c.table.headers,
      c.table.rows,
      shares.map((f) => w.width * f),
    );
  }
  if (c.sources.length > 0) {
    w.text(t('oficio.sources'), { font: 'bold', size: 9, gap: 2 });
    c.sources.forEach((s, i) => {
      w.item(`${i + 1}.`, s, { size: 8, color: MUTED, gap: 2 });
    });
    w.y -= 4;
  }
  if (c.notes.length > 0) {
    w.text(t('oficio.notes'), { font: 'bold', size: 9, gap: 2 });
    for (const note of c.notes) w.item('•', note, { size: 8, color: MUTED, gap: 2 });
  }
  w.y -= 6;

  if (c.attachments.length > 0) {
    w.text(t('oficio.attachments'), { font: 'bold', size: 9, gap: 2 });
    for (const a of c.attachments) {
      w.text(`• ${a.name}`, { size: 8.5 });
      w.text(a.sha256, { size: 7, color: MUTED, x: MARGIN + 10, width: w.width - 10, gap: 2 });
    }
    w.y -= 6;
  }

  w.text(t('oficio.closing'), { gap: 16 });
  w.ensure(70);
  w.text(t('oficio.attentively'), { font: 'bold', align: 'center', gap: 26 });
  w.text(c.signatory.name, { font: 'bold', align: 'center' });
  w.text(c.signatory.post, { align: 'center', gap: c.signatureNote ? 2 : 14 });
  if (c.signatureNote) w.text(c.signatureNote, { size: 8.5, color: MUTED, align: 'center', gap: 14 });

  if (c.preview) {
    w.text(t('oficio.preview_notice'), { font: 'bold', size: 9, color: rgb(0.8, 0, 0), gap: 6 });
    footers(doc, fonts, t('oficio.preview_mark'));
    return doc;
  }

  // Seal block: cadena original, sello digital, QR and verification code, kept on one page, set
  // tight (like a CFDI's) so that it usually fits under the signature.
  const qrSize = 92;
  const textX = MARGIN + qrSize + 10;
  const textW = w.width - qrSize - 10;
  type Line = { text: string; font?: FontName; size: number; color?: ReturnType<typeof rgb>; gap?: number };
  const lines: Line[] = [
    { text: t('oficio.cadena'), font: 'bold', size: 7.5 },
    { text: c.cadena, size: 6, color: MUTED, gap: 2 },
    { text: t('oficio.sello'), font: 'bold', size: 7.5 },
    { text: c.sello, size: 6, color: MUTED, gap: 2 },
    { text: t('oficio.certificate', { serial: c.certificateSerial }), size: 7, color: MUTED },
    { text: t('oficio.verification_code', { code: c.verificationCode }), font: 'bold', size: 9 },
    { text: c.verificationUrl, size: 7.5, color: ACCENT, gap: 3 },
    { text: t('oficio.electronic_signature_note'), size: 7, color: MUTED },
  ];
  const blockHeight = lines.reduce(
    (h, l) =>
      h +
      w.wrap(l.text, fonts[l.font ?? 'regular'], l.size, textW).length * l.size * SEAL_LEADING +
      (l.gap ?? 0),
    0,
  );
  w.ensure(Math.max(qrSize, blockHeight) + 8);
  w.page.drawLine({
    start: { x: MARGIN, y: w.y },
    end: { x: PAGE.width - MARGIN, y: w.y },
    thickness: 0.5,
    color: MUTED,
  });
  w.y -= 6;
  const top = w.y;
  drawQr(w.page, c.verificationUrl, MARGIN, top - qrSize, qrSize);
  for (const l of lines) {
    w.text(l.text, {
      font: l.font ?? 'regular',
      size: l.size,
      x: textX,
      width: textW,
      leading: SEAL_LEADING,
      ...(l.color ? { color: l.color } : {}),
      ...(l.gap ? { gap: l.gap } : {}),
    });
  }
  w.y = Math.min(w.y, top - qrSize - 6);

  footers(doc, fonts, t('oficio.footer_verify', { url: `${c.verificationUrl}` }));
  return doc;
}

/** Page numbers and a line on every page, once the total is known. */
function footers(doc: PDFDocument, fonts: Record<FontName, PDFFont>, left: string) {
  const pages = doc.getPages();
  pages.forEach((page, i) => {
    const size = 7.5;
    page.drawText(left, { x: MARGIN, y: MARGIN - 24, size, font: fonts.regular, color: MUTED });
    const right = t('oficio.page', { n: i + 1, total: pages.length });
    page.drawText(right, {
      x: PAGE.width - MARGIN - fonts.regular.widthOfTextAtSize(right, size),
      y: MARGIN - 24,
      size,
      font: fonts.regular,
      color: MUTED,
    });
  });
}
