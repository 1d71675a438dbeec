import { useState } from 'react';
import type { Result } from '../../store/types.ts';
import { describedBy, FieldShell } from './FieldShell.tsx';

/** Free text (a name, a title): saved as you type, refused text stays in the box with the reason. */
export function TextField({
  id,
  title,
  value,
  commit,
  description,
  maxLength,
  multiline = false,
  placeholder,
}: {
  id: string;
  title: string;
  value: string;
  commit(value: string): Result;
  description?: string;
  maxLength: number;
  multiline?: boolean;
  placeholder?: string;
}) {
  const [draft, setDraft] = useState<{ text: string; base: string; error: string | null } | null>(null);
  const live = draft && draft.base === value ? draft : null;
  const error = live?.error ?? null;
  const onChange = (text: string) => {
    const r = commit(text);
    // The document may normalise (trim) the text: keep what the person typed in the box.
    setDraft(r.ok ? { text, base: text.trim(), error: null } : { text, base: value, error: r.reason });
  };
  const props = {
    id,
    className: 'sl-input',
    value: live ? live.text : value,
    maxLength,
    placeholder,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, { error, help: !!description }),
    onBlur: () => {
      if (!error) setDraft(null);
    },
  };
  return (
    <FieldShell id={id} title={title} description={description} error={error}>
      {multiline ? (
        <textarea {...props} rows={3} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...props} type="text" autoComplete="off" onChange={(e) => onChange(e.target.value)} />
      )}
    </FieldShell>
  );
}
