import { splitCode } from './text.ts';

/** Plain text with `names` shown as code; always React text, never HTML. */
export function Prose({ text }: { text: string }) {
  return (
    <>
      {splitCode(text).map((p, i) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text, in order.
        p.code ? <code key={i}>{p.text}</code> : <span key={i}>{p.text}</span>,
      )}
    </>
  );
}
