// Dataset overview: the file, then one row per column — name, type, missing share, distinct
// count and flags. No value from the data appears here; the API never sends one.
import type { ReactNode } from 'react';
import type { ColumnFlag, DatasetOverview } from '../../../shared/api';
import { PageHeading } from '../components/PageHeading';
import { describeDelimiter, formatBytes, formatCount, formatShare } from '../format';
import { WarningCallout } from '../components/WarningCallout';

export function OverviewPage({ overview, onProfileAnother, onNext }: { overview: DatasetOverview; onProfileAnother(): void; onNext(): void }) {
  const { file, dialect } = overview;
  return (
    <>
      <PageHeading caption={file.name} title="Dataset overview">
        Dataset overview
      </PageHeading>
      <dl className="nhsuk-summary-list">
        <Row label="File">{file.name}</Row>
        <Row label="Size">{formatBytes(file.sizeBytes)}</Row>
        <Row label="Rows">{formatCount(overview.rows)}</Row>
        <Row label="Columns">{formatCount(overview.columns.length)}</Row>
        <Row label="Format">
          {dialect.encoding.toUpperCase()}, {describeDelimiter(dialect.delimiter)}-separated, {dialect.hasHeader ? 'with' : 'without'} a header row
        </Row>
        <Row label="Fingerprint (SHA-256)">
          <span className="app-fingerprint">{file.sha256}</span>
        </Row>
      </dl>
      {overview.notes.length > 0 && (
        <WarningCallout title="About this file" items={overview.notes} level={2} />
      )}
      <div className="nhsuk-table-responsive">
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-table__caption--m">Columns</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th className="nhsuk-table__header" scope="col">Column</th>
              <th className="nhsuk-table__header" scope="col">Type</th>
              <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">Missing</th>
              <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">Distinct values</th>
              <th className="nhsuk-table__header" scope="col">Notes</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {overview.columns.map((column, i) => (
              <tr className="nhsuk-table__row" key={`${i}:${column.name}`}>
                <th className="nhsuk-table__header" scope="row">{column.name}</th>
                <td className="nhsuk-table__cell">{column.typeLabel}</td>
                <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{formatShare(column.missingShare)}</td>
                <td className="nhsuk-table__cell nhsuk-table__cell--numeric">
                  {column.distinctIsEstimate ? `about ${formatCount(column.distinctCount)}` : formatCount(column.distinctCount)}
                </td>
                <td className="nhsuk-table__cell">
                  <Flags flags={column.flags} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="nhsuk-button-group">
        <button className="nhsuk-button" type="button" onClick={onNext}>
          Continue to mapping
        </button>
        <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={onProfileAnother}>
          Profile another file
        </button>
      </div>
    </>
  );
}

const FLAG_COLOURS: Record<ColumnFlag['kind'], string> = {
  identifier: 'nhsuk-tag--purple',
  constant: 'nhsuk-tag--grey',
  'all-missing': 'nhsuk-tag--red',
  'mostly-missing': 'nhsuk-tag--orange',
  'mixed-types': 'nhsuk-tag--yellow',
  unique: 'nhsuk-tag--blue',
};

function Flags({ flags }: { flags: ColumnFlag[] }) {
  if (flags.length === 0) return null;
  return (
    <span className="app-tags">
      {flags.map((flag) => (
        <strong className={`nhsuk-tag ${FLAG_COLOURS[flag.kind]}`} key={flag.kind}>
          {flag.label}
        </strong>
      ))}
    </span>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="nhsuk-summary-list__row">
      <dt className="nhsuk-summary-list__key">{label}</dt>
      <dd className="nhsuk-summary-list__value">{children}</dd>
    </div>
  );
}
