// The NHS.UK confirmation panel, focused when it appears so the result is announced and read first.
import { useEffect, useRef, type ReactNode } from 'react';

export function SuccessPanel({ title, children }: { title: string; children?: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div className="nhsuk-panel app-success-panel" tabIndex={-1} ref={ref} role="status">
      <h2 className="nhsuk-panel__heading nhsuk-panel__heading--m">{title}</h2>
      {children && <div className="nhsuk-panel__body">{children}</div>}
    </div>
  );
}

export function SummaryRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="nhsuk-summary-list__row">
      <dt className="nhsuk-summary-list__key">{label}</dt>
      <dd className="nhsuk-summary-list__value">{children}</dd>
    </div>
  );
}
