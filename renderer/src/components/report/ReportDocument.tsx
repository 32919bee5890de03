// The protected standards report rendered in React from the StandardsReport model, with the same
// figures as the exported HTML (shared/report/render-html.ts; tables from
// renderer/src/report/report-tables.ts) and each table's disclosure evidence beside it. Its
// sections are finer than the HTML's (one per attribute's representation and missingness, the
// dataset's identity apart from the summary, the policy apart from the evidence) so the app can
// show one at a time. The CSP forbids iframes and innerHTML, so the exported HTML itself is never
// put into the page.
import { memo, useMemo, useState, type MouseEvent, type ReactNode } from 'react';
import type { StatisticEvidence } from '../../../../shared/disclosure';
import type { ReportView } from '../../../../shared/api';
import type { MissingnessBlock, StandardsReport } from '../../../../shared/report/model';
import { answerLines } from '../../../../shared/report/answer-view';
import { EVIDENCE_LABELS, STATUS_LABELS, groupDigits, referenceSource } from '../../../../shared/report/format';
import { formatCount } from '../../format';
import { CELL_STATUS_WORDS, OUTCOME_WORDS, evidenceById, policyParameterLines, ruleText } from '../../report/disclosure-evidence';
import { HEAT_LEGEND, completenessGrids, crossGrid, heatGrid, markerOf, rateGrid, representationGrid, type Grid } from '../../report/report-tables';
import { DataGrid } from './DataGrid';
import { RepresentationChart } from './RepresentationChart';
import { SummaryRow } from './SuccessPanel';
import { OUTCOME_TAG_CLASS, STATUS_TAG_CLASS } from './status-tags';
import { TableWithEvidence } from './TableWithEvidence';
import { ContentsList } from '../navigation/ContentsList';
import { Pagination } from '../navigation/Pagination';
import { useSubView } from '../navigation/useSubView';
import '../../styles/report.css';
import { WarningCallout } from '../WarningCallout';

interface Section {
  id: string;
  title: string;
  /** Sections of one kind (one per table) are listed together under this name. */
  group?: string;
  body: ReactNode;
}

export interface ReportDocumentProps {
  view: ReportView;
  /**
   * Show one section at a time (NHS.UK "one thing per page") with a contents list and Previous /
   * Next, remembering the section in this session under `rememberAs` (e.g. the dataset id).
   * Without it, every section is drawn one after another.
   */
  oneSectionAtATime?: { rememberAs: string };
}

export const ReportDocument = memo(function ReportDocument({ view, oneSectionAtATime }: ReportDocumentProps) {
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
      {oneSectionAtATime ? <OneSection sections={sections} rememberAs={oneSectionAtATime.rememberAs} /> : <AllSections sections={sections} />}
      <p className="nhsuk-body-s app-report__footer">
        Made by {report.app.name} {report.app.version}. Catalogue {report.catalogue.version}. Policy: {report.policy.name}. Report format {report.formatVersion}.
      </p>
    </article>
  );
});

function SectionView({ section: s }: { section: Section }) {
  return (
    <section aria-labelledby={`report-${s.id}`} className="app-report__section">
      <h2 className="nhsuk-heading-m" id={`report-${s.id}`} tabIndex={-1}>
        {s.title}
      </h2>
      {s.body}
    </section>
  );
}

/** The contents list, the chosen section alone, and Previous / Next. */
function OneSection({ sections, rememberAs }: { sections: Section[]; rememberAs: string }) {
  const entries = useMemo(() => sections.map(({ id, title, group }) => ({ id, title, group })), [sections]);
  const sub = useSubView('report', rememberAs, entries);
  const section = sections.find((s) => s.id === sub.current);
  if (!section || sub.current === undefined) return null;
  return (
    <>
      <ContentsList label="Report contents" entries={entries} current={sub.current} onSelect={sub.select} />
      <div ref={sub.containerRef} className="app-sub-view">
        <SectionView section={section} />
      </div>
      <Pagination label="Report pages" previous={sub.previous} next={sub.next} onSelect={sub.select} />
    </>
  );
}

/** Every section in turn, with in-page contents links. */
function AllSections({ sections }: { sections: Section[] }) {
  return (
    <>
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
        <SectionView key={s.id} section={s} />
      ))}
    </>
  );
}

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
    { id: 'dataset', title: 'Dataset and report', body: <Identity report={r} /> },
    {
      id: 'summary',
      title: 'Summary and flags',
      body: (
        <>
          <Summary report={r} screen={screen} />
          <h3 className="nhsuk-heading-s">Flags to review</h3>
          <Flags report={r} />
        </>
      ),
    },
  ];
  // Each table is a section of its own (a table and its evidence are as much as one view should
  // hold), grouped by kind in the contents list.
  r.representation.forEach((b, i) => {
    const grid = representationGrid(b, marker);
    sections.push({
      id: `representation-${i}`,
      title: `Representation: ${b.attribute}`,
      group: 'Representation',
      body: (
        <div className="app-report__block">
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
                  {/* The exported HTML's wording (shared/report/format.ts), so an imported population reads the same. */}
                  Reference: {referenceText(b.reference)}. Percent of recorded is a
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
      ),
    });
  });
  const tableSections = (id: string, group: string, blocks: readonly { id: string; title: string }[], grid: (i: number) => Grid) => {
    blocks.forEach((b, i) => {
      const g = grid(i);
      sections.push({
        id: `${id}-${i}`,
        title: b.title,
        group,
        body: (
          <div className="app-report__block">
            <TableWithEvidence evidence={ev(g)}>
              <DataGrid grid={g} />
            </TableWithEvidence>
          </div>
        ),
      });
    });
  };
  tableSections('intersections', 'Intersections', r.intersections, (i) => crossGrid(r.intersections[i]!, marker));
  r.missingness.forEach((m, i) => {
    sections.push({ id: `missingness-${i}`, title: `Missing data by ${m.attribute}`, group: 'Missing data by group', body: <Missingness block={m} marker={marker} evidence={evidence} /> });
  });
  tableSections('outcomes', 'Outcomes by group', r.outcomes, (i) => rateGrid(r.outcomes[i]!, marker));
  tableSections('periods', 'Changes over time', r.periods, (i) => crossGrid(r.periods[i]!, marker));
  tableSections('sites', 'Sources and sites', r.sites, (i) => crossGrid(r.sites[i]!, marker));
  sections.push({ id: 'completeness', title: 'Completeness of the documentation', body: <Completeness report={r} /> });
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
  sections.push({ id: 'policy', title: 'Disclosure policy', body: <PolicySection report={r} /> });
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

/** Which file the report is about (its fingerprint), and when it was made. */
function Identity({ report: r }: { report: StandardsReport }) {
  return (
    <dl className="nhsuk-summary-list">
      <SummaryRow label="Dataset file">{r.dataset.fileName}</SummaryRow>
      <SummaryRow label="File size">{groupDigits(r.dataset.byteLength)} bytes</SummaryRow>
      <SummaryRow label="File last modified">{r.dataset.modifiedIso}</SummaryRow>
      <SummaryRow label="SHA-256 fingerprint">
        <span className="app-fingerprint">{r.dataset.sha256}</span>
      </SummaryRow>
      <SummaryRow label="Report made">{r.createdAt}</SummaryRow>
    </dl>
  );
}

function Summary({ report: r, screen }: { report: StandardsReport; screen: ReportView['screen'] }) {
  const counts = { complete: 0, partial: 0, 'not-available': 0, missing: 0 };
  for (const c of r.completeness) counts[c.status]++;
  return (
    <>
      <dl className="nhsuk-summary-list">
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

/** The disclosure policy the figures went through, parameter by parameter. */
function PolicySection({ report: r }: { report: StandardsReport }) {
  return (
    <>
      <p>
        {r.policy.name} ({r.policy.id}).{r.policy.description ? ` ${r.policy.description}` : ''}
      </p>
      <dl className="nhsuk-summary-list">
        {policyParameterLines(r.policy.parameters).map(([k, v]) => (
          <SummaryRow key={k} label={k}>
            {v}
          </SummaryRow>
        ))}
      </dl>
    </>
  );
}

function Disclosure({ report: r, screen }: { report: StandardsReport; screen: ReportView['screen'] }) {
  return (
    <>
      <p>Disclosure policy: {r.policy.name} (see Disclosure policy).</p>
      <h3 className="nhsuk-heading-s">Export screen</h3>
      {screen.passed ? (
        <p>
          <strong className="nhsuk-tag nhsuk-tag--green">Passed</strong> The independent export screen read the files as they would be written and found nothing to stop.
        </p>
      ) : (
        <WarningCallout title="The export screen did not pass" items={screen.findings} level={4} />
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

function referenceText(ref: Parameters<typeof referenceSource>[0]): string {
  const source = referenceSource(ref);
  return source.url ? `${source.text}, ${source.url}` : source.text;
}
