import { useEffect, useState } from 'react';
import { Prose } from './Prose.tsx';

/** Hints one at a time: the learner asks for the next one. */
export function Hints({ hints, resetKey }: { hints: readonly string[]; resetKey: string }) {
  const [shown, setShown] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: another lesson or exercise starts with no hint shown.
  useEffect(() => setShown(0), [resetKey]);
  if (hints.length === 0) return null;
  return (
    <div className="sl-hints">
      {shown > 0 && (
        <ol className="sl-hints__list">
          {hints.slice(0, shown).map((h) => (
            <li key={h}>
              <Prose text={h} />
            </li>
          ))}
        </ol>
      )}
      {shown < hints.length && (
        <button type="button" className="sl-button sl-button--label" onClick={() => setShown(shown + 1)}>
          {shown === 0 ? 'Show a hint' : `Another hint (${shown + 1} of ${hints.length})`}
        </button>
      )}
    </div>
  );
}
