// Text that is printed as one line of an official letter (a name, an organisation) may not carry its
// own layout: a line break, a tab or another control character would let typed text pose as lines
// the agency wrote.

/** C0 (NUL…US: tab, LF, CR), DEL, C1 (including NEL) and the Unicode line and paragraph separators. */
function breaksLine(codePoint: number): boolean {
  return (
    codePoint <= 0x1f ||
    (codePoint >= 0x7f && codePoint <= 0x9f) ||
    codePoint === 0x2028 ||
    codePoint === 0x2029
  );
}

/** True when the text has no control character and no line or paragraph separator. */
export function isOneLine(text: string): boolean {
  for (const ch of text) if (breaksLine(ch.codePointAt(0)!)) return false;
  return true;
}

/** The text on one line: every run of control characters or separators becomes one space. */
export function toOneLine(text: string): string {
  let out = '';
  let pendingSpace = false;
  for (const ch of text) {
    if (breaksLine(ch.codePointAt(0)!) || /\s/u.test(ch)) {
      pendingSpace = out.length > 0;
      continue;
    }
    if (pendingSpace) out += ' ';
    pendingSpace = false;
    out += ch;
  }
  return out;
}
