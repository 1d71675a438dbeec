import { useState } from 'react';
import type { Result } from '../../store/types.ts';
import { describedBy, FieldShell } from './FieldShell.tsx';

/**
 * The fallback for a setting the generated form has no input for (a new kind of field in a
 * component schema): its value as JSON, checked like any other edit. Better than hiding it.
 */
export function JsonField({
  id,
  title,
  description,
  value,
  commit,
}: {
  id: string;
  title: string;
  description?: string | undefined;
  value: unknown;
  commit(value: unknown): Result;
}) {
  const [draft, setDraft] = useState<{ text: string; base: unknown; error: string | null } | null>(null);
  const live = draft && draft.base === value ? draft : null;
  const error = live?.error ?? null;
  const onChange = (text: string) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      setDraft({ text, base: value, error: 'Not valid JSON yet.' });
      return;
    }
    const r = commit(parsed);
    setDraft(r.ok ? { text, base: parsed, error: null } : { text, base: value, error: r.reason });
  };
  return (
    <FieldShell id={id} title={title} description={description} error={error}>
      <textarea
        id={id}
        className="sl-input sl-json"
        rows={3}
        spellCheck={false}
        value={live ? live.text : JSON.stringify(value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { error, help: !!description })}
        onChange={(e) => onChange(e.target.value)}
        onBlur={() => {
          if (!error) setDraft(null);
        }}
      />
    </FieldShell>
  );
}
