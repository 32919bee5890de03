// Export request: the purpose and justification an output checker needs, then the request bundle
// (zip) written where the user chooses. It sends the report built on the Report page this session.
import { useState, type FormEvent } from 'react';
import type { ExportRequestSummary } from '../../../shared/api';
import { PageHeading } from '../components/PageHeading';
import { TextArea } from '../components/report/FormFields';
import { PageProblemSummary, formProblems, type PageProblem } from '../components/report/ProblemSummary';
import { SuccessPanel, SummaryRow } from '../components/report/SuccessPanel';
import { formatCount } from '../format';
import { EXPORT_FIELDS, checkExportForm, requestFileName } from '../report/export-form';
import { problemFor } from '../report/form-problems';
import type { OpenDataset, PageContext } from '../navigation';
import '../styles/report.css';

const SUBMIT_ID = 'export-submit';

export function ExportPage({ api, dataset, go }: PageContext & { dataset: OpenDataset }) {
  const [purpose, setPurpose] = useState('');
  const [justification, setJustification] = useState('');
  const [problem, setProblem] = useState<PageProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [written, setWritten] = useState<ExportRequestSummary | null>(null);
  const reportId = dataset.reportId;

  if (reportId === null)
    return (
      <>
        <PageHeading caption={dataset.overview.file.name} title="Export request">
          Export request
        </PageHeading>
        <p className="nhsuk-body">You have not built a report for this dataset in this session. An export request sends a built report, so build one first.</p>
        <button className="nhsuk-button" type="button" onClick={() => go('report')}>
          Go to the report page
        </button>
      </>
    );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const problems = checkExportForm(purpose, justification);
    if (problems.length > 0) {
      setProblem({ kind: 'form', problems });
      return;
    }
    setProblem(null);
    setNotice(null);
    setBusy(true);
    try {
      const chosen = await api.invoke('dialog:choose-save-path', { suggestedName: requestFileName(new Date()), kind: 'zip' });
      if (!chosen.ok) return setProblem({ kind: 'call', error: chosen.error, fieldId: SUBMIT_ID });
      if (chosen.value === null) return setNotice('No file was chosen, so nothing was written.');
      const r = await api.invoke('export:request', { reportId, purpose: purpose.trim(), justification: justification.trim(), path: chosen.value.path });
      if (!r.ok) return setProblem({ kind: 'call', error: r.error, fieldId: SUBMIT_ID });
      setWritten(r.value);
    } finally {
      setBusy(false);
    }
  };

  const problems = formProblems(problem);
  return (
    <>
      <PageProblemSummary problem={problem} />
      <PageHeading caption={dataset.overview.file.name} title="Export request" takeFocus={problem === null && written === null}>
        Export request
      </PageHeading>
      {written ? (
        <>
          <SuccessPanel title="Export request written">The request bundle is saved. Give it to your output checker to review.</SuccessPanel>
          <dl className="nhsuk-summary-list">
            <SummaryRow label="Request ID">{written.requestId}</SummaryRow>
            <SummaryRow label="Saved to">
              <span className="app-fingerprint">{written.path}</span>
            </SummaryRow>
            <SummaryRow label="Fingerprint (SHA-256)">
              <span className="app-fingerprint">{written.sha256}</span>
            </SummaryRow>
            <SummaryRow label="Outputs">{formatCount(written.outputs)}</SummaryRow>
            <SummaryRow label="Export screen">{written.screenPassed ? 'Passed' : 'Did not pass: the checker will see its findings'}</SummaryRow>
          </dl>
          <h2 className="nhsuk-heading-m">What happens next</h2>
          <p>
            An output checker opens the bundle in their own copy of Represent, on the Review a request page. They approve or reject each output and sign their decision. Only a
            signed release may leave the environment.
          </p>
        </>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <p className="nhsuk-body">
            The request sends the report you built on the Report page, with its disclosure evidence. An output checker reads what you write here before deciding.
          </p>
          <TextArea
            id={EXPORT_FIELDS.purpose}
            label="Purpose"
            labelSize="s"
            hint="What the outputs are for, for example a paper, a funding report or a data quality review."
            value={purpose}
            onChange={setPurpose}
            error={problemFor(problems, EXPORT_FIELDS.purpose)}
          />
          <TextArea
            id={EXPORT_FIELDS.justification}
            label="Justification"
            labelSize="s"
            hint="Why these outputs need to leave the environment, and why each table is needed at this level of detail."
            value={justification}
            onChange={setJustification}
            error={problemFor(problems, EXPORT_FIELDS.justification)}
            rows={6}
          />
          {notice && (
            <p className="nhsuk-body" role="status">
              {notice}
            </p>
          )}
          <button id={SUBMIT_ID} className="nhsuk-button" type="submit" disabled={busy} aria-disabled={busy}>
            Choose where to save and write the request
          </button>
        </form>
      )}
    </>
  );
}
