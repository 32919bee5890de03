// Numbers, sizes, rates and durations in plain British English (NHS content style: "12 MB",
// "about 3 minutes", "less than 0.1%").

const counts = new Intl.NumberFormat('en-GB');
const oneDecimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

export function formatCount(n: number): string {
  return counts.format(n);
}

/** Decimal units (1 MB = 1,000,000 bytes), as file managers on Windows and Linux label them. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${formatCount(bytes)} bytes`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${oneDecimal.format(value)} ${units[unit]}`;
}

export function formatRate(bytesPerSecond: number): string {
  return `${formatBytes(Math.round(bytesPerSecond))} per second`;
}

/** A share from 0 to 1 as a percentage; tiny non-zero shares are not rounded down to 0%. */
export function formatShare(share: number): string {
  if (share <= 0) return '0%';
  if (share >= 1) return '100%';
  const percent = share * 100;
  if (percent < 0.1) return 'less than 0.1%';
  if (percent > 99.9) return 'more than 99.9%';
  return `${oneDecimal.format(percent)}%`;
}

export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return 'Working it out…';
  if (seconds < 1) return 'Less than a second';
  if (seconds < 60) {
    const s = Math.round(seconds);
    return `About ${s} second${s === 1 ? '' : 's'}`;
  }
  if (seconds < 3600) {
    const m = Math.round(seconds / 60);
    return `About ${m} minute${m === 1 ? '' : 's'}`;
  }
  const h = Math.floor(seconds / 3600);
  const m = Math.round((seconds % 3600) / 60);
  return `About ${h} hour${h === 1 ? '' : 's'}${m > 0 ? ` ${m} minute${m === 1 ? '' : 's'}` : ''}`;
}

const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', '\t': 'tab', ';': 'semicolon', '|': 'pipe' };

export function describeDelimiter(delimiter: string): string {
  return DELIMITER_NAMES[delimiter] ?? 'other';
}

/** The file's name without its folders, for headings (either separator: Windows or POSIX paths). */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}
