// One text answer: a textarea labelled by its question, and "Not available" with a reason. The
// text typed before ticking "Not available" is kept, and comes back if the box is unticked.
import { useRef } from 'react';
import type { TextAnswer } from '../../../../shared/report/answers';
import { NotAvailableField } from './NotAvailableField';

export interface AnswerFieldProps {
  id: string;
  label: string;
  hint?: string;
  value: TextAnswer | undefined;
  onChange(value: TextAnswer): void;
}

export function AnswerField({ id, label, hint, value, onChange }: AnswerFieldProps) {
  const notAvailable = value !== null && value !== undefined && typeof value === 'object';
  const text = typeof value === 'string' ? value : '';
  const stash = useRef(text);
  if (!notAvailable) stash.current = text;
  const labelId = `${id}-label`;
  return (
    <div className="nhsuk-form-group">
      {notAvailable ? (
        // The question stays on screen while its answer box is away.
        <p className="nhsuk-label nhsuk-label--s" id={labelId}>
          {label}
        </p>
      ) : (
        <label className="nhsuk-label nhsuk-label--s" htmlFor={id} id={labelId}>
          {label}
        </label>
      )}
      {hint && (
        <div className="nhsuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {!notAvailable && (
        <textarea
          className="nhsuk-textarea"
          id={id}
          rows={3}
          value={text}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
        />
      )}
      <NotAvailableField
        id={id}
        checked={notAvailable}
        reason={notAvailable ? value.notAvailable : ''}
        describedBy={labelId}
        onToggle={(checked) => onChange(checked ? { notAvailable: '' } : stash.current === '' ? null : stash.current)}
        onReason={(reason) => onChange({ notAvailable: reason })}
      />
    </div>
  );
}
