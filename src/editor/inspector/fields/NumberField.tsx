import { type ChangeEvent, type KeyboardEvent, useState } from 'react';
import type { NumberFieldSpec } from '../../schema/fieldSpecs.ts';
import { emptyPlaceholder } from '../../schema/optionLabels.ts';
import { describeRange, parseNumber } from '../../schema/parseNumber.ts';
import type { Result } from '../../store/types.ts';
import { describedBy, FieldShell } from './FieldShell.tsx';

interface Draft {
  text: string;
  /** The document value the draft was typed against; when the document moves on, the draft goes. */
  base: number | null;
  error: string | null;
}

export interface NumberFieldProps {
  id: string;
  spec: NumberFieldSpec;
  value: number | null;
  commit(value: number | null): Result;
  disabled?: boolean;
}

const show = (v: number | null) => (v === null ? '' : String(v));

/**
 * A number typed as text, checked on every keystroke. A valid value goes to the document at
 * once (a burst of typing is one undo step); an invalid one stays in the box, marked with the
 * reason, and never reaches the document. Arrow keys step the value (Shift: ten steps).
 */
export function NumberField({ id, spec, value, commit, disabled = false }: NumberFieldProps) {
  const [draft, setDraft] = useState<Draft | null>(null);
  const live = draft && Object.is(draft.base, value) ? draft : null;
  const error = live?.error ?? null;

  const apply = (text: string) => {
    const parsed = parseNumber(spec, text);
    if (!parsed.ok) return setDraft({ text, base: value, error: parsed.message });
    if (Object.is(parsed.value, value)) return setDraft({ text, base: value, error: null });
    const r = commit(parsed.value);
    setDraft(r.ok ? { text, base: parsed.value, error: null } : { text, base: value, error: r.reason });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Escape' && live) {
      e.preventDefault();
      e.stopPropagation();
      setDraft(null);
      return;
    }
    if ((e.key !== 'ArrowUp' && e.key !== 'ArrowDown') || value === null || error) return;
    e.preventDefault();
    const unit = spec.max !== undefined && spec.max <= 1 ? 0.05 : 1;
    const step = (e.key === 'ArrowUp' ? 1 : -1) * unit * (e.shiftKey ? 10 : 1);
    const next = Math.round((value + step) * 1e6) / 1e6;
    const clamped = Math.min(spec.max ?? Number.POSITIVE_INFINITY, Math.max(spec.min ?? -Infinity, next));
    if (spec.minExclusive && spec.min !== undefined && clamped <= spec.min) return;
    apply(String(clamped));
  };

  return (
    <FieldShell
      id={id}
      title={spec.title}
      description={spec.description}
      hint={describeRange(spec)}
      error={error}
    >
      <div className="sl-input-wrap">
        <input
          id={id}
          className="sl-input"
          type="text"
          inputMode={spec.integer ? 'numeric' : 'decimal'}
          autoComplete="off"
          spellCheck={false}
          value={live ? live.text : show(value)}
          placeholder={spec.nullable ? emptyPlaceholder(spec.key) : undefined}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, { error, help: true })}
          onChange={(e: ChangeEvent<HTMLInputElement>) => apply(e.target.value)}
          onBlur={() => {
            if (!error) setDraft(null);
          }}
          onKeyDown={onKeyDown}
        />
        {spec.unit && (
          <span className="sl-input-unit" aria-hidden="true">
            {spec.unit}
          </span>
        )}
      </div>
    </FieldShell>
  );
}
