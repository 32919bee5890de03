// Profiling in progress: a progress bar with rows read, speed and time left, and Cancel.
import type { ProfileProgressEvent } from '../../../shared/api';
import { PageHeading } from '../components/PageHeading';
import { formatBytes, formatCount, formatDuration, formatRate } from '../format';

export interface ProfilingPageProps {
  fileName: string;
  progress: ProfileProgressEvent | null;
  cancelling: boolean;
  onCancel(): void;
}

export function ProfilingPage({ fileName, progress, cancelling, onCancel }: ProfilingPageProps) {
  const fraction = progress && progress.totalBytes > 0 ? Math.min(1, progress.bytesRead / progress.totalBytes) : 0;
  const percent = Math.floor(fraction * 100);
  const rowsPerSecond =
    progress && progress.bytesRead > 0 && progress.bytesPerSecond > 0
      ? (progress.rows * progress.bytesPerSecond) / progress.bytesRead
      : null;
  // Announced to screen readers in 10% steps, not on every update.
  const announced = Math.floor(percent / 10) * 10;

  return (
    <>
      <PageHeading caption={fileName} title="Profiling">
        Profiling the file
      </PageHeading>
      <label className="nhsuk-label" htmlFor="profile-progress">
        {percent}% read
      </label>
      <progress id="profile-progress" className="app-progress" max={100} value={percent}>
        {percent}%
      </progress>
      <p className="nhsuk-u-visually-hidden" role="status">
        {announced}% read
      </p>
      <dl className="nhsuk-summary-list">
        <Row label="Rows read" value={progress ? formatCount(progress.rows) : '0'} />
        <Row
          label="Read so far"
          value={progress ? `${formatBytes(progress.bytesRead)} of ${formatBytes(progress.totalBytes)}` : 'Starting…'}
        />
        <Row
          label="Speed"
          value={
            progress && progress.bytesPerSecond > 0
              ? `${formatRate(progress.bytesPerSecond)}${rowsPerSecond !== null ? ` (${formatCount(Math.round(rowsPerSecond))} rows per second)` : ''}`
              : 'Working it out…'
          }
        />
        <Row label="Time left" value={formatDuration(progress?.etaSeconds ?? null)} />
      </dl>
      <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={onCancel} disabled={cancelling} aria-disabled={cancelling}>
        {cancelling ? 'Cancelling…' : 'Cancel'}
      </button>
    </>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <div className="nhsuk-summary-list__row">
      <dt className="nhsuk-summary-list__key">{label}</dt>
      <dd className="nhsuk-summary-list__value">{value}</dd>
    </div>
  );
}
