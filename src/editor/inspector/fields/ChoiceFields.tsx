import { useState } from 'react';
import type { BooleanFieldSpec, EnumFieldSpec } from '../../schema/fieldSpecs.ts';
import { optionLabel } from '../../schema/optionLabels.ts';
import type { Result } from '../../store/types.ts';
import { describedBy, FieldShell } from './FieldShell.tsx';

export function SelectField({
  id,
  spec,
  value,
  commit,
  disabled = false,
}: {
  id: string;
  spec: EnumFieldSpec;
  value: string;
  commit(value: string): Result;
  disabled?: boolean;
}) {
  const [error, setError] = useState<string | null>(null);
  return (
    <FieldShell id={id} title={spec.title} description={spec.description} error={error}>
      <select
        id={id}
        className="sl-input sl-select"
        value={value}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { error, help: !!spec.description })}
        onChange={(e) => {
          const r = commit(e.target.value);
          setError(r.ok ? null : r.reason);
        }}
      >
        {spec.options.map((o) => (
          <option key={o} value={o}>
            {optionLabel(spec.key, o)}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function CheckboxField({
  id,
  spec,
  value,
  commit,
  title,
}: {
  id: string;
  spec: BooleanFieldSpec;
  value: boolean;
  commit(value: boolean): Result;
  title?: string;
}) {
  const [error, setError] = useState<string | null>(null);
  return (
    <FieldShell id={id} title={title ?? spec.title} description={spec.description} error={error} inline>
      <label className="sl-checkbox" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          checked={value}
          aria-describedby={describedBy(id, { error, help: !!spec.description })}
          onChange={(e) => {
            const r = commit(e.target.checked);
            setError(r.ok ? null : r.reason);
          }}
        />
        <span>{title ?? spec.title}</span>
      </label>
    </FieldShell>
  );
}
