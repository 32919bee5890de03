// Progress of a job that reads the data file (report building re-reads it when the analysis has
// no tally in memory): a bar, rows read and time left, announced in 10% steps.
import type { ProfileProgressEvent } from '../../../../shared/api';
import { formatCount, formatDuration } from '../../format';

export function JobProgress({ id, label, progress }: { id: string; label: string; progress: ProfileProgressEvent | null }) {
  const fraction = progress && progress.totalBytes > 0 ? Math.min(1, progress.bytesRead / progress.totalBytes) : 0;
  const percent = Math.floor(fraction * 100);
  return (
    <div className="nhsuk-u-margin-bottom-4">
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      <progress id={id} className="app-progress" max={100} value={progress ? percent : undefined}>
        {percent}%
      </progress>
      <p className="nhsuk-body-s" role="status">
        {progress
          ? `Reading the file: ${Math.floor(percent / 10) * 10}% read, ${formatCount(progress.rows)} rows. Time left: ${formatDuration(progress.etaSeconds).toLowerCase()}.`
          : 'Working…'}
      </p>
    </div>
  );
}
