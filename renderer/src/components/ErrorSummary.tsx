// NHS.UK error summary for a failed call: the headline links to the field to fix, and the
// expected / found / where details follow (never a data value: RepresentError rules).
import { useEffect, useRef } from 'react';
import type { SerializedError } from '../../../shared/errors';
import { errorText } from '../error-text';

export function ErrorSummary({ error, fieldId }: { error: SerializedError; fieldId: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [error]);
  const { headline, details } = errorText(error);
  return (
    <div className="nhsuk-error-summary" aria-labelledby="error-summary-title" role="alert" tabIndex={-1} ref={ref}>
      <h2 className="nhsuk-error-summary__title" id="error-summary-title">
        There is a problem
      </h2>
      <div className="nhsuk-error-summary__body">
        <ul className="nhsuk-list nhsuk-error-summary__list">
          <li>
            <a
              href={`#${fieldId}`}
              onClick={(e) => {
                e.preventDefault();
                document.getElementById(fieldId)?.focus();
              }}
            >
              {headline}
            </a>
          </li>
        </ul>
        {details.length > 0 && (
          <dl className="nhsuk-summary-list nhsuk-summary-list--no-border nhsuk-u-margin-bottom-0">
            {details.map((d) => (
              <div className="nhsuk-summary-list__row" key={d.label}>
                <dt className="nhsuk-summary-list__key">{d.label}</dt>
                <dd className="nhsuk-summary-list__value">{d.text}</dd>
              </div>
            ))}
          </dl>
        )}
      </div>
    </div>
  );
}
