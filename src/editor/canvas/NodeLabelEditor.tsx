import { type KeyboardEvent, useEffect, useRef } from 'react';
import { MAX_LABEL_CHARS } from '../document/operations.ts';
import { useEditorStore } from '../store/context.tsx';

/** In-place rename: Enter or leaving the field saves, Escape cancels. */
export function NodeLabelEditor({ id, name }: { id: string; name: string }) {
  const store = useEditorStore();
  const input = useRef<HTMLInputElement>(null);
  const cancelled = useRef(false);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  const finish = () => {
    const s = store.getState();
    if (s.renaming !== id) return;
    s.setRenaming(null);
    if (cancelled.current || !input.current) return;
    const r = s.renameNode(id, input.current.value);
    if (!r.ok) s.notify(r.reason, 'warning');
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    // Keep typing away from React Flow's node shortcuts (arrows move the node).
    e.stopPropagation();
    if (e.key === 'Enter') finish();
    if (e.key === 'Escape') {
      cancelled.current = true;
      finish();
    }
  };

  return (
    <input
      ref={input}
      className="sl-node__rename nodrag nopan nowheel"
      aria-label="Name"
      defaultValue={name}
      maxLength={MAX_LABEL_CHARS}
      onKeyDown={onKeyDown}
      onBlur={finish}
    />
  );
}
