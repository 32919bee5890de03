// Labelled NHS.UK form fields with hint and error message wired to the control
// (aria-describedby), as the design system's macros render them.
import type { ReactNode, Ref } from 'react';

interface FieldProps {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string | null;
  labelSize?: 's' | 'm';
}

function describedBy(id: string, hint: unknown, error: string | null | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter((x): x is string => x !== null);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function FieldFrame({ id, label, hint, error, labelSize, children }: FieldProps & { children: ReactNode }) {
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <label className={`nhsuk-label${labelSize ? ` nhsuk-label--${labelSize}` : ''}`} htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div className="nhsuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {error && <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage>}
      {children}
    </div>
  );
}

export function ErrorMessage({ id, children }: { id: string; children: ReactNode }) {
  return (
    <span className="nhsuk-error-message" id={id}>
      <span className="nhsuk-u-visually-hidden">Error: </span>
      {children}
    </span>
  );
}

export function TextArea(props: FieldProps & { value: string; onChange(value: string): void; rows?: number }) {
  const { id, hint, error, value, onChange, rows = 4 } = props;
  return (
    <FieldFrame {...props}>
      <textarea
        className={`nhsuk-textarea${error ? ' nhsuk-textarea--error' : ''}`}
        id={id}
        name={id}
        rows={rows}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={describedBy(id, hint, error)}
      />
    </FieldFrame>
  );
}

export function TextInput(props: FieldProps & { value: string; onChange(value: string): void; autoComplete?: string; wide?: boolean }) {
  const { id, hint, error, value, onChange, autoComplete = 'off', wide = true } = props;
  return (
    <FieldFrame {...props}>
      <input
        className={`nhsuk-input${wide ? ' nhsuk-u-width-full' : ' nhsuk-u-width-two-thirds'}${error ? ' nhsuk-input--error' : ''}`}
        id={id}
        name={id}
        type="text"
        spellCheck={false}
        autoComplete={autoComplete}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={describedBy(id, hint, error)}
      />
    </FieldFrame>
  );
}

/**
 * An uncontrolled password field: its text lives only in the DOM input, never in React state, so
 * the page reads it at the moment of the call and then clears it (see readAndClear).
 */
export function PasswordInput(props: FieldProps & { inputRef: Ref<HTMLInputElement>; autoComplete: 'current-password' | 'new-password' }) {
  const { id, hint, error, inputRef, autoComplete } = props;
  return (
    <FieldFrame {...props}>
      <input
        className={`nhsuk-input nhsuk-u-width-two-thirds${error ? ' nhsuk-input--error' : ''}`}
        id={id}
        name={id}
        type="password"
        spellCheck={false}
        autoCapitalize="none"
        autoComplete={autoComplete}
        ref={inputRef}
        aria-describedby={describedBy(id, hint, error)}
      />
    </FieldFrame>
  );
}

/** Takes a password field's text and empties the field, so the secret outlives the call nowhere. */
export function readAndClear(input: HTMLInputElement | null): string {
  if (!input) return '';
  const value = input.value;
  input.value = '';
  return value;
}
