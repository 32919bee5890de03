// A one-line progress bar on stderr, drawn only on a terminal so piped output stays clean.
import type { ProfileProgress } from '../services/profile-job';
import { formatBytes, formatDuration, formatCount } from './format';

export function createProgressBar(stream: NodeJS.WriteStream): { update(p: ProfileProgress): void; done(): void } {
  if (!stream.isTTY) return { update() {}, done() {} };
  let last = 0;
  return {
    update(p) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      const share = p.totalBytes > 0 ? Math.min(1, p.bytesRead / p.totalBytes) : 0;
      const width = 24;
      const filled = Math.round(share * width);
      const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
      const eta = p.etaSeconds === null ? '' : `, ${formatDuration(p.etaSeconds)} left`;
      stream.write(
        `\r${bar} ${(share * 100).toFixed(0).padStart(3)}%  ${formatCount(p.rows)} rows, ${formatBytes(p.bytesPerSecond)}/s${eta}\x1b[K`,
      );
    },
    done() {
      stream.write('\r\x1b[K');
    },
  };
}
