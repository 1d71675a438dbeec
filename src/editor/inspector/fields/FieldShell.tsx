import { type ReactNode, useState } from 'react';

export interface FieldShellProps {
  id: string;
  title: string;
  description?: string | undefined;
  /** Extra help after the description, e.g. the allowed range. */
  hint?: string | undefined;
  error?: string | null | undefined;
  children: ReactNode;
  /** Checkboxes put their label beside the box instead of above. */
  inline?: boolean;
}

/** Ids of the elements that describe a field: its error first, then its help. */
export function describedBy(
  id: string,
  { error, help }: { error?: unknown; help?: unknown },
): string | undefined {
  return [error ? `${id}-error` : null, help ? `${id}-help` : null].filter(Boolean).join(' ') || undefined;
}

/**
 * Label, help toggle, help text and error message around one input. The help text is always
 * the field's accessible description (even while folded away); the error is announced with it.
 */
export function FieldShell({
  id,
  title,
  description,
  hint,
  error,
  children,
  inline = false,
}: FieldShellProps) {
  const [helpOpen, setHelpOpen] = useState(false);
  const help = [description, hint && `Allowed: ${hint}.`].filter(Boolean).join(' ');
  return (
    <div className={`sl-field${error ? ' has-error' : ''}${inline ? ' sl-field--inline' : ''}`}>
      <div className="sl-field__head">
        {inline ? children : <label htmlFor={id}>{title}</label>}
        {help && (
          <button
            type="button"
            className="sl-field__help-toggle"
            aria-expanded={helpOpen}
            aria-controls={`${id}-help`}
            aria-label={`About ${title}`}
            data-tooltip={helpOpen ? 'Hide explanation' : 'What does this do?'}
            onClick={() => setHelpOpen((o) => !o)}
          >
            ?
          </button>
        )}
      </div>
      {!inline && children}
      {error && (
        <p id={`${id}-error`} className="sl-field__error">
          {error}
        </p>
      )}
      {help && (
        <p id={`${id}-help`} className="sl-field__help" hidden={!helpOpen}>
          {help}
        </p>
      )}
    </div>
  );
}
