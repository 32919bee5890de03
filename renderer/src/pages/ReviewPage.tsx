// Review a request (the output checker's page): open a request bundle, read who asked and why,
// decide on each output with the comments the review rules require, add an overall comment, and
// sign with the key's passphrase to write a release (approve) or a response (reject).
// The request's own report is shown from its model (the bundle's report.json), folded away until
// the reviewer opens it, so the page stays short; the CSP allows no iframe or HTML from files.
// The passphrase stays in the password field until the moment of the call and is then cleared;
// it never enters React state.
import { useMemo, useRef, useState } from 'react';
import type { ReportView, ReviewOutcome, ReviewView } from '../../../shared/api';
import type { StandardsReport } from '../../../shared/report/model';
import { PageHeading } from '../components/PageHeading';
import { ReportDocument } from '../components/report/ReportDocument';
import { ErrorMessage, PasswordInput, TextArea, readAndClear } from '../components/report/FormFields';
import { PageProblemSummary, formProblems, type PageProblem } from '../components/report/ProblemSummary';
import { SuccessPanel, SummaryRow } from '../components/report/SuccessPanel';
import { problemFor } from '../report/form-problems';
import {
  OUTPUT_STATUS_WORDS,
  checkReviewForm,
  commentNeeded,
  commentRule,
  decideRequest,
  outcomeFileName,
  reviewFieldIds,
  type OutputChoice,
  type Verdict,
} from '../report/review-form';
import type { PageContext } from '../navigation';
import '../styles/report.css';
import { WarningCallout } from '../components/WarningCallout';

const CHOOSE_ID = 'review-choose';
const DECIDE_ID = 'review-approve';

export function ReviewPage({ api }: PageContext) {
  const [request, setRequest] = useState<ReviewView | null>(null);
  const [choices, setChoices] = useState<OutputChoice[]>([]);
  const [overall, setOverall] = useState('');
  const [problem, setProblem] = useState<PageProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<ReviewOutcome | null>(null);
  const passphraseRef = useRef<HTMLInputElement>(null);

  const choose = async () => {
    if (busy) return;
    setBusy(true);
    setNotice(null);
    try {
      const chosen = await api.invoke('dialog:choose-bundle', {});
      if (!chosen.ok) return setProblem({ kind: 'call', error: chosen.error, fieldId: CHOOSE_ID });
      if (chosen.value === null) return setNotice('No bundle was chosen.');
      const opened = await api.invoke('review:open', { path: chosen.value.path });
      if (!opened.ok) return setProblem({ kind: 'call', error: opened.error, fieldId: CHOOSE_ID });
      setProblem(null);
      setOutcome(null);
      setRequest(opened.value);
      setChoices(opened.value.outputs.map(() => ({ decision: null, comment: '' })));
      setOverall('');
    } finally {
      setBusy(false);
    }
  };

  const decide = async (verdict: Verdict) => {
    if (!request || busy) return;
    const passphraseGiven = (passphraseRef.current?.value ?? '') !== '';
    const problems = checkReviewForm({ outputs: request.outputs, choices, overallComment: overall, passphraseGiven, verdict });
    if (problems.length > 0) {
      setProblem({ kind: 'form', problems });
      return;
    }
    setProblem(null);
    setNotice(null);
    setBusy(true);
    try {
      const chosen = await api.invoke('dialog:choose-save-path', { suggestedName: outcomeFileName(verdict, request.requestId, new Date()), kind: 'zip' });
      if (!chosen.ok) return setProblem({ kind: 'call', error: chosen.error, fieldId: DECIDE_ID });
      if (chosen.value === null) return setNotice('No file was chosen, so nothing was signed or written.');
      // Read (and clear) the passphrase only now, after the dialog: it is held for this call alone.
      const passphrase = readAndClear(passphraseRef.current);
      const r = await api.invoke(
        'review:decide',
        decideRequest({ verdict, path: request.path, outputs: request.outputs, choices, overallComment: overall, passphrase, outPath: chosen.value.path }),
      );
      if (!r.ok) return setProblem({ kind: 'call', error: r.error, fieldId: r.error.code === 'bad-key' ? reviewFieldIds.passphrase : DECIDE_ID });
      setOutcome(r.value);
    } finally {
      setBusy(false);
    }
  };

  const problems = formProblems(problem);
  const setChoice = (i: number, change: Partial<OutputChoice>) => setChoices((cs) => cs.map((c, j) => (j === i ? { ...c, ...change } : c)));

  return (
    <>
      <PageProblemSummary problem={problem} />
      <PageHeading title="Review a request" takeFocus={problem === null && outcome === null}>
        Review a request
      </PageHeading>
      {outcome && (
        <>
          <SuccessPanel title={outcome.kind === 'release' ? 'Release written' : 'Response written'}>
            {outcome.kind === 'release' ? 'The approved outputs are in the signed release bundle.' : 'The signed response tells the requester why the request was rejected.'}
          </SuccessPanel>
          <dl className="nhsuk-summary-list">
            <SummaryRow label="Saved to">
              <span className="app-fingerprint">{outcome.path}</span>
            </SummaryRow>
            <SummaryRow label="Fingerprint (SHA-256)">
              <span className="app-fingerprint">{outcome.sha256}</span>
            </SummaryRow>
          </dl>
          {outcome.warnings.length > 0 && <WarningCallout title="Please note" items={outcome.warnings} level={3} />}
        </>
      )}
      <p className="nhsuk-body">Open an export request bundle (a .zip file) that an analyst gave you. Represent checks every file in it against the fingerprints it lists.</p>
      <button id={CHOOSE_ID} className={`nhsuk-button${request ? ' nhsuk-button--secondary' : ''}`} type="button" onClick={() => void choose()} disabled={busy} aria-disabled={busy}>
        Choose a request bundle
      </button>
      {notice && (
        <p className="nhsuk-body" role="status">
          {notice}
        </p>
      )}
      {request && !outcome && (
        <form onSubmit={(e) => e.preventDefault()} noValidate>
          <h2 className="nhsuk-heading-m">Request {request.requestId}</h2>
          {request.alreadyReviewed && (
            <div className="nhsuk-inset-text">
              <span className="nhsuk-u-visually-hidden">Information: </span>
              <p>
                This request was already {request.alreadyReviewed.decision} here by {request.alreadyReviewed.reviewer} on {request.alreadyReviewed.decidedIso}.
              </p>
            </div>
          )}
          {request.warnings.length > 0 && <WarningCallout title="Before you review" items={request.warnings} level={3} />}
          <dl className="nhsuk-summary-list">
            <SummaryRow label="Requested by">
              {request.requester.name} ({request.requester.role})
            </SummaryRow>
            <SummaryRow label="Requested on">{request.createdIso}</SummaryRow>
            <SummaryRow label="Purpose">
              <span className="app-pre-line">{request.purpose}</span>
            </SummaryRow>
            <SummaryRow label="Justification">
              <span className="app-pre-line">{request.justification}</span>
            </SummaryRow>
            <SummaryRow label="Disclosure policy">
              {request.policy.name} ({request.policy.id})
            </SummaryRow>
            <SummaryRow label="Dataset">
              {request.dataset.fileName ?? 'Not named'}, fingerprint <span className="app-fingerprint">{request.dataset.sha256}</span>
            </SummaryRow>
            <SummaryRow label="Report">
              {request.report !== null
                ? 'Shown below as the requester’s copy of Represent built it.'
                : request.reportHtml === null
                  ? 'The bundle holds no report.'
                  : 'The bundle holds the report as an HTML file only. This page cannot show it (the app shows no web pages from files); open the HTML file from the bundle in a browser to read it.'}
            </SummaryRow>
          </dl>
          {request.report && <RequestReport key={request.requestId} request={request} report={request.report} />}

          <h2 className="nhsuk-heading-m">Outputs</h2>
          <p className="nhsuk-body">
            Decide on every output. A comment is needed to approve an output that fails or needs review, and to reject one that passes.
          </p>
          {request.outputs.map((o, i) => {
            const choice = choices[i] ?? { decision: null, comment: '' };
            const decisionError = problemFor(problems, reviewFieldIds.decision(i));
            const needed = commentNeeded(o, choice.decision);
            const name = `review-output-${i}`;
            return (
              <div className="app-output" key={`${i}:${o.id}`}>
                <h3 className="nhsuk-heading-s">
                  {o.id}{' '}
                  <strong className={`nhsuk-tag ${o.status === 'pass' ? 'nhsuk-tag--green' : o.status === 'fail' ? 'nhsuk-tag--red' : 'nhsuk-tag--yellow'}`}>
                    {OUTPUT_STATUS_WORDS[o.status] ?? o.status}
                  </strong>
                </h3>
                <p className="nhsuk-body-s">{o.summary}</p>
                {o.files.length > 0 && (
                  <>
                    <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">Files:</p>
                    <ul className="nhsuk-list nhsuk-list--bullet nhsuk-body-s">
                      {o.files.map((f) => (
                        <li key={f}>{f}</li>
                      ))}
                    </ul>
                  </>
                )}
                {o.exception && (
                  <p className="nhsuk-body-s">
                    <strong>Exception asked for:</strong> {o.exception}
                  </p>
                )}
                <div className={`nhsuk-form-group${decisionError ? ' nhsuk-form-group--error' : ''}`}>
                  <fieldset className="nhsuk-fieldset" aria-describedby={decisionError ? `${name}-error` : undefined}>
                    <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Your decision on {o.id}</legend>
                    {decisionError && <ErrorMessage id={`${name}-error`}>{decisionError}</ErrorMessage>}
                    <div className="nhsuk-radios nhsuk-radios--inline">
                      {(['approved', 'rejected'] as const).map((d) => {
                        const id = d === 'approved' ? reviewFieldIds.decision(i) : `${name}-reject`;
                        return (
                          <div className="nhsuk-radios__item" key={d}>
                            <input
                              className="nhsuk-radios__input"
                              id={id}
                              name={name}
                              type="radio"
                              value={d}
                              checked={choice.decision === d}
                              onChange={() => setChoice(i, { decision: d })}
                            />
                            <label className="nhsuk-label nhsuk-radios__label" htmlFor={id}>
                              {d === 'approved' ? 'Approve' : 'Reject'}
                            </label>
                          </div>
                        );
                      })}
                    </div>
                  </fieldset>
                </div>
                <TextArea
                  id={reviewFieldIds.comment(i)}
                  label={`Comment on ${o.id}`}
                  hint={choice.decision === null ? commentRule(o) : needed ? 'Needed for your decision.' : 'Optional for your decision.'}
                  value={choice.comment}
                  onChange={(comment) => setChoice(i, { comment })}
                  error={problemFor(problems, reviewFieldIds.comment(i))}
                  rows={3}
                />
              </div>
            );
          })}

          <h2 className="nhsuk-heading-m">Your overall decision</h2>
          <p className="nhsuk-body">
            Approving writes a signed release holding only the outputs you approved, so approve at least one. Rejecting writes a signed response and
            releases nothing, even if you marked some outputs Approve: your mark on each output goes to the requester with your comments.
          </p>
          <TextArea
            id={reviewFieldIds.overall}
            label="Overall comment"
            labelSize="s"
            hint="Always required. The requester sees it with your decision."
            value={overall}
            onChange={setOverall}
            error={problemFor(problems, reviewFieldIds.overall)}
          />
          <PasswordInput
            id={reviewFieldIds.passphrase}
            label="Passphrase"
            labelSize="s"
            hint="The passphrase of your signing key (set in Settings). Your decision is signed with it."
            autoComplete="current-password"
            inputRef={passphraseRef}
            error={problemFor(problems, reviewFieldIds.passphrase)}
          />
          <div className="nhsuk-button-group">
            <button id={DECIDE_ID} className="nhsuk-button" type="button" onClick={() => void decide('approve')} disabled={busy} aria-disabled={busy}>
              Approve and write release
            </button>
            <button className="nhsuk-button nhsuk-button--warning" type="button" onClick={() => void decide('reject')} disabled={busy} aria-disabled={busy}>
              Reject and write response
            </button>
          </div>
        </form>
      )}
    </>
  );
}

/** The request's report, folded and one section at a time: mounted only once opened, as it can run to many tables. */
function RequestReport({ request, report }: { request: ReviewView; report: StandardsReport }) {
  const [open, setOpen] = useState(false);
  const view = useMemo<ReportView>(
    () => ({
      reportId: request.requestId,
      html: request.reportHtml ?? '',
      report,
      // The screen's verdict as the bundle records it; a bundle without one cannot claim a pass.
      screen: request.screen ?? { passed: false, findings: ['The bundle records no export screen result.'] },
    }),
    [request, report],
  );
  return (
    <details className="nhsuk-details" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">Read the report</span>
      </summary>
      <div className="nhsuk-details__text">{open && <ReportDocument view={view} oneSectionAtATime={{ rememberAs: `review-${request.requestId}` }} />}</div>
    </details>
  );
}

