// Progress while the analysis reads the file: a bar, rows read, and Cancel. When the main side
// re-uses its counts there are no progress events, and the status just says it is working.
import type { ProfileProgressEvent } from '../../../../shared/api';
import { formatBytes, formatCount, formatDuration } from '../../format';

export function AnalysisProgress({ running, progress, onCancel }: { running: boolean; progress: ProfileProgressEvent | null; onCancel(): void }) {
  const fraction = progress && progress.totalBytes > 0 ? Math.min(1, progress.bytesRead / progress.totalBytes) : 0;
  const percent = Math.floor(fraction * 100);
  // Screen readers hear 10% steps, not every event.
  const announced = Math.floor(percent / 10) * 10;
  return (
    <div className="app-analysis-progress">
      <p role="status" className={running ? 'nhsuk-body' : 'nhsuk-u-visually-hidden'}>
        {running ? (progress ? `Reading the file: ${announced}% read` : 'Working out the analysis…') : ''}
      </p>
      {running && progress && (
        <>
          <progress className="app-progress" max={100} value={percent} aria-label="Share of the file read">
            {percent}%
          </progress>
          <p className="nhsuk-body-s">
            {formatCount(progress.rows)} rows, {formatBytes(progress.bytesRead)} of {formatBytes(progress.totalBytes)}.{progress.etaSeconds !== null && ` ${formatDuration(progress.etaSeconds)} left.`}
          </p>
        </>
      )}
      {running && (
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      )}
    </div>
  );
}
