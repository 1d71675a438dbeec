/**
 * Lesson and exercise texts are plain text with `backticks` around names. They are shown as
 * React text (never as HTML): this splits them into plain and code parts.
 */
export interface TextPart {
  code: boolean;
  text: string;
}

export function splitCode(text: string): TextPart[] {
  const parts: TextPart[] = [];
  const pieces = text.split('`');
  // An odd number of backticks leaves the last one unmatched: show it as typed.
  const closed = pieces.length % 2 === 1 ? pieces.length : pieces.length - 1;
  for (let i = 0; i < pieces.length; i++) {
    const piece = i === closed ? `\`${pieces[i]}` : (pieces[i] as string);
    if (piece === '') continue;
    const code = i % 2 === 1 && i < closed;
    const last = parts.at(-1);
    if (last && last.code === code) last.text += piece;
    else parts.push({ code, text: piece });
  }
  return parts;
}
