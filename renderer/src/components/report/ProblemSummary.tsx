// NHS.UK error summary for a form with several problems: each links to (and focuses) its field.
// API failures use components/ErrorSummary (one error with expected / found / where).
import { useEffect, useRef } from 'react';
import type { SerializedError } from '../../../../shared/errors';
import type { FormProblem } from '../../report/form-problems';
import { ErrorSummary } from '../ErrorSummary';

export function ProblemSummary({ problems }: { problems: readonly FormProblem[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [problems]);
  return (
    <div className="nhsuk-error-summary" aria-labelledby="error-summary-title" role="alert" tabIndex={-1} ref={ref}>
      <h2 className="nhsuk-error-summary__title" id="error-summary-title">
        There is a problem
      </h2>
      <div className="nhsuk-error-summary__body">
        <ul className="nhsuk-list nhsuk-error-summary__list">
          {problems.map((p) => (
            <li key={`${p.fieldId}:${p.text}`}>
              <a
                href={`#${p.fieldId}`}
                onClick={(e) => {
                  e.preventDefault();
                  document.getElementById(p.fieldId)?.focus();
                }}
              >
                {p.text}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** What a page shows at its top when something is wrong: form problems, or a failed call. */
export type PageProblem = { kind: 'form'; problems: FormProblem[] } | { kind: 'call'; error: SerializedError; fieldId: string };

export function PageProblemSummary({ problem }: { problem: PageProblem | null }) {
  if (problem === null) return null;
  if (problem.kind === 'form') return <ProblemSummary problems={problem.problems} />;
  return <ErrorSummary error={problem.error} fieldId={problem.fieldId} />;
}

export function formProblems(problem: PageProblem | null): FormProblem[] {
  return problem?.kind === 'form' ? problem.problems : [];
}
