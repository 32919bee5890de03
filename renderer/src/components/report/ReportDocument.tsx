// The protected standards report rendered in React from the StandardsReport model, section by
// section as the exported HTML has them (shared/report/render-html.ts), with the same figures
// (renderer/src/report/report-tables.ts) and each table's disclosure evidence beside it. The CSP
// forbids iframes and innerHTML, so the exported HTML itself is never put into the page.
import { memo, useMemo, useState, type MouseEvent, type ReactNode } from 'react';
import type { StatisticEvidence } from '../../../../shared/disclosure';
import type { ReportView } from '../../../../shared/api';
import type { MissingnessBlock, StandardsReport } from '../../../../shared/report/model';
import { answerLines } from '../../../../shared/report/answer-view';
import { EVIDENCE_LABELS, STATUS_LABELS, groupDigits } from '../../../../shared/report/format';
import { formatCount } from '../../format';
import { CELL_STATUS_WORDS, OUTCOME_WORDS, evidenceById, policyParameterLines, ruleText } from '../../report/disclosure-evidence';
import { HEAT_LEGEND, completenessGrids, crossGrid, heatGrid, markerOf, rateGrid, representationGrid, type Grid } from '../../report/report-tables';
import { DataGrid } from './DataGrid';
import { RepresentationChart } from './RepresentationChart';
import { SummaryRow } from './SuccessPanel';
import { OUTCOME_TAG_CLASS, STATUS_TAG_CLASS } from './status-tags';
import { TableWithEvidence } from './TableWithEvidence';
import '../../styles/report.css';

interface Section {
  id: string;
  title: string;
  body: ReactNode;
}

export const ReportDocument = memo(function ReportDocument({ view }: { view: ReportView }) {
  const report = view.report;
  const sections = useMemo(() => buildSections(report, view.screen), [report, view.screen]);
  return (
    <article className="app-report" aria-labelledby="report-title">
      <h2 className="nhsuk-heading-l" id="report-title">
        {report.title}
      </h2>
      <p className="nhsuk-lede-text">
        Documentation of <strong>{report.dataset.fileName}</strong> against the STANDING Together recommendations, with disclosure-checked figures only.
        This is the report as it would be exported.
      </p>
      <nav className="nhsuk-contents-list" aria-label="Report contents">
        <h3 className="nhsuk-u-visually-hidden">Contents</h3>
        <ol className="nhsuk-contents-list__list">
          {sections.map((s) => (
            <li className="nhsuk-contents-list__item" key={s.id}>
              <a className="nhsuk-contents-list__link" href={`#report-${s.id}`} onClick={jumpTo(`report-${s.id}`)}>
                {s.title}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      {sections.map((s) => (
        <section key={s.id} aria-labelledby={`report-${s.id}`} className="app-report__section">
          <h2 className="nhsuk-heading-m" id={`report-${s.id}`} tabIndex={-1}>
            {s.title}
          </h2>
          {s.body}
        </section>
      ))}
      <p className="nhsuk-body-s app-report__footer">
        Made by {report.app.name} {report.app.version}. Catalogue {report.catalogue.version}. Policy: {report.policy.name}. Report format {report.formatVersion}.
      </p>
    </article>
  );
});

/** In-page links move focus to the heading (no URL change: the app never navigates). */
function jumpTo(id: string) {
  return (e: MouseEvent) => {
    e.preventDefault();
    const target = document.getElementById(id);
    target?.scrollIntoView({ block: 'start' });
    target?.focus({ preventScroll: true });
  };
}

function buildSections(r: StandardsReport, screen: ReportView['screen']): Section[] {
  const marker = markerOf(r);
  const evidence = evidenceById(r);
  const ev = (grid: Grid) => grid.tableIds.map((id) => evidence.get(id));
  const sections: Section[] = [
    { id: 'summary', title: 'Summary', body: <Summary report={r} screen={screen} /> },
    { id: 'flags', title: 'Flags to review', body: <Flags report={r} /> },
    { id: 'completeness', title: 'Completeness of the documentation', body: <Completeness report={r} /> },
  ];
  if (r.representation.length > 0)
    sections.push({
      id: 'representation',
      title: 'Representation',
      body: r.representation.map((b) => {
        const grid = representationGrid(b, marker);
        return (
          <div key={b.id} className="app-report__block">
            <h3 className="nhsuk-heading-s">{b.title}</h3>
            <RepresentationChart block={b} marker={marker} />
            <TableWithEvidence evidence={ev(grid)}>
              <DataGrid grid={grid} />
              {b.referenceOnly.length > 0 && (
                <p className="nhsuk-body-s">
                  Reference categories with no matching category in the data:{' '}
                  {b.referenceOnly.map((x) => `${x.category} (${x.referencePercent.toFixed(1)}% of the reference)`).join('; ')}.
                </p>
              )}
              {b.reference ? (
                <>
                  <p className="nhsuk-body-s">
                    Reference: {b.reference.name}, {b.reference.sourceTitle} ({b.reference.publisher}; {b.reference.licence}), {b.reference.sourceUrl}. Percent of recorded is a
                    share of {b.recordedDenominator ?? ''}.{b.reference.derivation ? ` ${b.reference.derivation}` : ''}
                  </p>
                  {b.reference.caveats.length > 0 && (
                    <Details summary="Reference caveats">
                      <ul className="nhsuk-list nhsuk-list--bullet">
                        {b.reference.caveats.map((c) => (
                          <li key={c}>{c}</li>
                        ))}
                      </ul>
                    </Details>
                  )}
                </>
              ) : (
                <p className="nhsuk-body-s">No reference population was chosen for this attribute.</p>
              )}
            </TableWithEvidence>
          </div>
        );
      }),
    });
  const crossSection = (id: string, title: string, blocks: StandardsReport['intersections']) => {
    if (blocks.length === 0) return;
    sections.push({
      id,
      title,
      body: blocks.map((b) => {
        const grid = crossGrid(b, marker);
        return (
          <div key={b.id} className="app-report__block">
            <h3 className="nhsuk-heading-s">{b.title}</h3>
            <TableWithEvidence evidence={ev(grid)}>
              <DataGrid grid={grid} />
            </TableWithEvidence>
          </div>
        );
      }),
    });
  };
  crossSection('intersections', 'Intersections', r.intersections);
  if (r.missingness.length > 0)
    sections.push({ id: 'missingness', title: 'Missing data by group', body: r.missingness.map((m) => <Missingness key={m.id} block={m} marker={marker} evidence={evidence} />) });
  if (r.outcomes.length > 0)
    sections.push({
      id: 'outcomes',
      title: 'Outcomes by group',
      body: r.outcomes.map((b) => {
        const grid = rateGrid(b, marker);
        return (
          <div key={b.id} className="app-report__block">
            <h3 className="nhsuk-heading-s">{b.title}</h3>
            <TableWithEvidence evidence={ev(grid)}>
              <DataGrid grid={grid} />
            </TableWithEvidence>
          </div>
        );
      }),
    });
  crossSection('periods', 'Changes over time', r.periods);
  crossSection('sites', 'Sources and sites', r.sites);
  sections.push({ id: 'documentation', title: 'Documentation by item', body: <Documentation report={r} /> });
  sections.push({
    id: 'methods',
    title: 'Methods',
    body: r.methods.map((m) => (
      <div key={m.id}>
        <h3 className="nhsuk-heading-s">{m.title}</h3>
        <p>{m.text}</p>
      </div>
    )),
  });
  sections.push({ id: 'disclosure', title: 'Disclosure control', body: <Disclosure report={r} screen={screen} /> });
  return sections;
}

function Details({ summary, children }: { summary: string; children: ReactNode }) {
  return (
    <details className="nhsuk-details">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">{summary}</span>
      </summary>
      <div className="nhsuk-details__text">{children}</div>
    </details>
  );
}

function outcomeSentence(o: string): string {
  return o === 'pass'
    ? 'Every table passes the policy.'
    : o === 'review'
      ? 'Some tables need an output checker’s review (see the flags).'
      : 'Some tables fail the policy (see the flags).';
}

function Summary({ report: r, screen }: { report: StandardsReport; screen: ReportView['screen'] }) {
  const counts = { complete: 0, partial: 0, 'not-available': 0, missing: 0 };
  for (const c of r.completeness) counts[c.status]++;
  return (
    <>
      <dl className="nhsuk-summary-list">
        <SummaryRow label="Dataset file">{r.dataset.fileName}</SummaryRow>
        <SummaryRow label="File size">{groupDigits(r.dataset.byteLength)} bytes</SummaryRow>
        <SummaryRow label="File last modified">{r.dataset.modifiedIso}</SummaryRow>
        <SummaryRow label="SHA-256 fingerprint">
          <span className="app-fingerprint">{r.dataset.sha256}</span>
        </SummaryRow>
        <SummaryRow label="Report made">{r.createdAt}</SummaryRow>
        <SummaryRow label="Disclosure policy">
          {r.policy.name} ({r.policy.id})
        </SummaryRow>
        <SummaryRow label="Disclosure check">{outcomeSentence(r.disclosure.outcome)}</SummaryRow>
        <SummaryRow label="Export screen">{screen.passed ? 'Passed: the files as written raise no finding.' : `Not passed: ${screen.findings.length} finding${screen.findings.length === 1 ? '' : 's'} (see Disclosure control).`}</SummaryRow>
        <SummaryRow label="Documentation">
          {r.completeness.length} items: {counts.complete} complete, {counts.partial} partial, {counts['not-available']} not available, {counts.missing} missing
        </SummaryRow>
        <SummaryRow label="Flags">{r.flags.length === 0 ? 'None' : `${r.flags.length} to review`}</SummaryRow>
      </dl>
      <div className="nhsuk-inset-text">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>
          <strong>About these recommendations.</strong> STANDING Together is meant to prompt inquiry, not to be used as a checklist. Item topics here are paraphrased;{' '}
          {r.catalogue.caveats[1] ?? ''}
        </p>
      </div>
    </>
  );
}

function Flags({ report: r }: { report: StandardsReport }) {
  if (r.flags.length === 0)
    return <p>No flags: no group stands out against the reference, and no missingness or outcome gap reaches the flagging limits (see Methods).</p>;
  return (
    <>
      <p>Candidate limitations, computed from the published figures, for a person to confirm or dismiss (item 1.3a).</p>
      <ul className="nhsuk-list nhsuk-list--bullet">
        {r.flags.map((f) => (
          <li key={f.id}>
            {f.text} <span className="nhsuk-u-secondary-text-colour">(Items {f.itemIds.join(', ')})</span>
          </li>
        ))}
      </ul>
    </>
  );
}

function Completeness({ report: r }: { report: StandardsReport }) {
  const grids = useMemo(() => completenessGrids(r), [r]);
  return (
    <>
      <p>
        Complete: every question answered or stated as not available with a reason, with the automatic evidence the item calls for. Partial: some of that. Not available: stated as
        not available, with reasons. Missing: nothing yet.
      </p>
      {grids.map((g) => (
        <DataGrid key={g.id} grid={g} />
      ))}
    </>
  );
}

function Missingness({ block: m, marker, evidence }: { block: MissingnessBlock; marker: string; evidence: Map<string, StatisticEvidence> }) {
  const grid = useMemo(() => heatGrid(m, marker), [m, marker]);
  const [open, setOpen] = useState(false);
  return (
    <div className="app-report__block">
      <h3 className="nhsuk-heading-s">Missing values by {m.attribute}</h3>
      <TableWithEvidence evidence={grid.tableIds.map((id) => evidence.get(id))}>
        <DataGrid grid={grid} />
        <p className="nhsuk-body-s">{HEAT_LEGEND}</p>
        <details className="nhsuk-details" onToggle={(e) => setOpen(e.currentTarget.open)}>
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">
              Counts behind each cell ({m.blocks.length} table{m.blocks.length > 1 ? 's' : ''})
            </span>
          </summary>
          <div className="nhsuk-details__text">{open && m.blocks.map((b) => <DataGrid key={b.id} grid={rateGrid(b, marker)} />)}</div>
        </details>
      </TableWithEvidence>
    </div>
  );
}

function Documentation({ report: r }: { report: StandardsReport }) {
  const status = useMemo(() => new Map(r.completeness.map((c) => [c.itemId, c])), [r]);
  const out: ReactNode[] = [];
  let section = '';
  for (const item of r.items) {
    if (item.section !== section) {
      section = item.section;
      out.push(
        <h3 className="nhsuk-heading-s" key={`section-${item.section}`}>
          {item.part === 'use' ? 'Part 2' : `Part 1, ${item.section}`}: {item.sectionTitle}
        </h3>,
      );
    }
    const c = status.get(item.id);
    const s = c?.status ?? 'missing';
    const lines = item.answerFields.flatMap((f) => answerLines(r.answers, f));
    const note = r.answers.itemNotes?.[item.id];
    out.push(
      <div className="app-report__item" key={item.id}>
        <h4 className="nhsuk-heading-xs">
          {item.id} {item.title} <strong className={`nhsuk-tag ${STATUS_TAG_CLASS[s]}`}>{STATUS_LABELS[s]}</strong>
        </h4>
        <p className="nhsuk-body-s">
          {item.topic} <span className="nhsuk-u-secondary-text-colour">(evidence: {EVIDENCE_LABELS[item.evidence].toLowerCase()}.)</span>
        </p>
        {c && <p className="nhsuk-body-s nhsuk-u-secondary-text-colour">{c.explanation}</p>}
        {(lines.length > 0 || note) && (
          <dl className="nhsuk-summary-list">
            {lines.map((l, i) => (
              <SummaryRow key={`${i}:${l.label}`} label={l.label}>
                {l.kind === 'missing' ? <span className="nhsuk-u-secondary-text-colour">{l.text}</span> : l.text}
              </SummaryRow>
            ))}
            {note && <SummaryRow label="Note">{note}</SummaryRow>}
          </dl>
        )}
      </div>,
    );
  }
  return <>{out}</>;
}

function Disclosure({ report: r, screen }: { report: StandardsReport; screen: ReportView['screen'] }) {
  return (
    <>
      {r.policy.description && <p>{r.policy.description}</p>}
      <dl className="nhsuk-summary-list">
        {policyParameterLines(r.policy.parameters).map(([k, v]) => (
          <SummaryRow key={k} label={k}>
            {v}
          </SummaryRow>
        ))}
      </dl>
      <h3 className="nhsuk-heading-s">Export screen</h3>
      {screen.passed ? (
        <p>
          <strong className="nhsuk-tag nhsuk-tag--green">Passed</strong> The independent export screen read the files as they would be written and found nothing to stop.
        </p>
      ) : (
        <div className="nhsuk-warning-callout">
          <h4 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>
              The export screen did not pass
            </span>
          </h4>
          <ul>
            {screen.findings.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
        </div>
      )}
      <h3 className="nhsuk-heading-s">Evidence for each table</h3>
      <p>
        Overall: {formatCount(r.disclosure.tables)} tables, {formatCount(r.disclosure.cellsSuppressed)} cells suppressed, {formatCount(r.disclosure.cellsRounded)} cells rounded.{' '}
        <span className="nhsuk-u-visually-hidden">Outcome: </span>
        <strong className={`nhsuk-tag ${OUTCOME_TAG_CLASS[r.disclosure.outcome]}`}>{OUTCOME_WORDS[r.disclosure.outcome]}</strong>
      </p>
      <EvidenceTable report={r} />
      <p className="nhsuk-body-s">Each table above has its full evidence beside it, with every cell on request. The JSON report holds the same evidence.</p>
    </>
  );
}

function EvidenceTable({ report: r }: { report: StandardsReport }) {
  return (
    <div className="app-table-scroll" role="region" aria-label="Disclosure evidence for each table" tabIndex={0}>
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption nhsuk-table__caption--s">Cells of each table by status, and the rules applied</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th scope="col" className="nhsuk-table__header">Table</th>
            <th scope="col" className="nhsuk-table__header">Outcome</th>
            <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">{CELL_STATUS_WORDS.shown}</th>
            <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">{CELL_STATUS_WORDS.rounded}</th>
            <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">{CELL_STATUS_WORDS['suppressed-primary']}</th>
            <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">{CELL_STATUS_WORDS['suppressed-secondary']}</th>
            <th scope="col" className="nhsuk-table__header">Rules</th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {r.evidence.map((e) => (
            <tr className="nhsuk-table__row" key={e.statisticId}>
              <th scope="row" className="nhsuk-table__header">{e.title}</th>
              <td className="nhsuk-table__cell">{OUTCOME_WORDS[e.outcome]}</td>
              <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{formatCount(e.summary.shown)}</td>
              <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{formatCount(e.summary.rounded)}</td>
              <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{formatCount(e.summary.suppressedPrimary)}</td>
              <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{formatCount(e.summary.suppressedSecondary)}</td>
              <td className="nhsuk-table__cell">{[...new Set(e.cells.map((c) => c.rule))].map(ruleText).join('; ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
