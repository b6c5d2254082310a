import { inflateSync } from 'node:zlib';

/** An 8-bit RGB(A) PNG decoded to its pixels (what resvg writes), to look at a rendered image in a test. */
export function decodePng(png: Uint8Array): {
  width: number;
  height: number;
  rgba: (x: number, y: number) => number[];
} {
  const buf = Buffer.from(png);
  const width = buf.readUInt32BE(16);
  const height = buf.readUInt32BE(20);
  const depth = buf[24];
  const colour = buf[25];
  if (depth !== 8 || (colour !== 6 && colour !== 2))
    throw new Error(`PNG ${depth}-bit colour type ${colour}`);
  const channels = colour === 6 ? 4 : 3;
  const idat: Buffer[] = [];
  for (let at = 8; at < buf.length; ) {
    const len = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    if (type === 'IDAT') idat.push(buf.subarray(at + 8, at + 8 + len));
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? out[y * stride + i - channels]! : 0;
      const b = y > 0 ? out[(y - 1) * stride + i]! : 0;
      const c = y > 0 && i >= channels ? out[(y - 1) * stride + i - channels]! : 0;
      const p = a + b - c;
      const pa = Math.abs(p - a);
      const pb = Math.abs(p - b);
      const pc = Math.abs(p - c);
      const paeth = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      const pred = [0, a, b, (a + b) >> 1, paeth][filter]!;
      out[y * stride + i] = (line[i]! + pred) & 0xff;
    }
  }
  return {
    width,
    height,
    rgba: (x, y) => {
      const o = y * stride + x * channels;
      return [out[o]!, out[o + 1]!, out[o + 2]!, channels === 4 ? out[o + 3]! : 255];
    },
  };
}

/**
 * The share of the image's columns in which a coloured mark (a bar, a line, a coloured area: a pixel
 * whose channels differ by more than 60, so neither text nor grid nor white) is drawn.
 */
export function markedColumnShare(png: Uint8Array): number {
  const img = decodePng(png);
  let marked = 0;
  for (let x = 0; x < img.width; x++) {
    for (let y = 0; y < img.height; y += 2) {
      const [r, g, b] = img.rgba(x, y);
      if (Math.max(r!, g!, b!) - Math.min(r!, g!, b!) > 60) {
        marked++;
        break;
      }
    }
  }
  return marked / img.width;
}
