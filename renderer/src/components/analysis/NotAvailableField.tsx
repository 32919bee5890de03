// The "Not available" checkbox every answer has (STANDING Together asks that missing information
// be stated with a reason, never left blank). Ticking it reveals "Why is this not available?";
// the NHS.UK conditional-reveal pattern, driven by React state instead of nhsuk-frontend's script.
export interface NotAvailableFieldProps {
  id: string;
  checked: boolean;
  reason: string;
  /** The question the checkbox belongs to, for screen readers (several "Not available" boxes share a page). */
  describedBy: string;
  onToggle(checked: boolean): void;
  onReason(reason: string): void;
}

export function NotAvailableField({ id, checked, reason, describedBy, onToggle, onReason }: NotAvailableFieldProps) {
  const conditional = `${id}-conditional`;
  return (
    <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
        <div className="nhsuk-checkboxes__item">
          <input
            className="nhsuk-checkboxes__input"
            id={`${id}-na`}
            type="checkbox"
            checked={checked}
            aria-controls={conditional}
            aria-describedby={describedBy}
            onChange={(e) => onToggle(e.target.checked)}
          />
          <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`${id}-na`}>
            Not available
          </label>
        </div>
        <div className={`nhsuk-checkboxes__conditional${checked ? '' : ' nhsuk-checkboxes__conditional--hidden'}`} id={conditional}>
          {checked && (
            <div className="nhsuk-form-group">
              <label className="nhsuk-label" htmlFor={`${id}-reason`}>
                Why is this not available?
              </label>
              <textarea className="nhsuk-textarea" id={`${id}-reason`} rows={2} value={reason} onChange={(e) => onReason(e.target.value)} />
            </div>
          )}
        </div>
    </div>
  );
}
