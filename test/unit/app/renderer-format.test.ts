// The renderer's wording for numbers and errors (pure functions, run in Node).
import { describe, expect, it } from 'vitest';
import { baseName, describeDelimiter, formatBytes, formatCount, formatDuration, formatRate, formatShare } from '../../../renderer/src/format';
import { errorText } from '../../../renderer/src/error-text';
import { RepresentError } from '../../../shared/errors';

describe('format', () => {
  it('writes counts and sizes the British way', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatBytes(999)).toBe('999 bytes');
    expect(formatBytes(25_494)).toBe('25.5 KB');
    expect(formatBytes(1_250_000_000)).toBe('1.3 GB');
    expect(formatRate(95_400_000)).toBe('95.4 MB per second');
  });

  it('never rounds a small missing share down to 0%', () => {
    expect(formatShare(0)).toBe('0%');
    expect(formatShare(0.0004)).toBe('less than 0.1%');
    expect(formatShare(0.1234)).toBe('12.3%');
    expect(formatShare(0.9999)).toBe('more than 99.9%');
    expect(formatShare(1)).toBe('100%');
  });

  it('says time left roughly, as people do', () => {
    expect(formatDuration(null)).toBe('Working it out…');
    expect(formatDuration(0.4)).toBe('Less than a second');
    expect(formatDuration(1)).toBe('About 1 second');
    expect(formatDuration(42)).toBe('About 42 seconds');
    expect(formatDuration(150)).toBe('About 3 minutes');
    expect(formatDuration(3 * 3600 + 60)).toBe('About 3 hours 1 minute');
  });

  it('names delimiters', () => {
    expect(describeDelimiter(',')).toBe('comma');
    expect(describeDelimiter('\t')).toBe('tab');
    expect(describeDelimiter('#')).toBe('other');
  });

  it('takes the file name from Windows and POSIX paths', () => {
    expect(baseName('C:\\Data\\extract.csv')).toBe('extract.csv');
    expect(baseName('/data/extract.csv')).toBe('extract.csv');
  });
});

describe('errorText', () => {
  it('splits a RepresentError into its headline and details', () => {
    const error = new RepresentError('file-not-found', 'The file does not exist.', {
      expected: 'a path to a CSV or other delimited text file',
      found: 'nothing at that path',
      location: { file: '/data/x.csv' },
    }).toJSON();
    expect(errorText(error)).toEqual({
      headline: 'The file does not exist.',
      details: [
        { label: 'Expected', text: 'a path to a CSV or other delimited text file' },
        { label: 'Found', text: 'nothing at that path' },
        { label: 'Where', text: 'file /data/x.csv' },
      ],
    });
  });

  it('keeps a plain message whole', () => {
    expect(errorText(new RepresentError('internal', 'Something went wrong.').toJSON())).toEqual({ headline: 'Something went wrong.', details: [] });
  });
});

describe('looksLikeFullPath', () => {
  it('accepts Windows, UNC and POSIX full paths and nothing relative', async () => {
    const { looksLikeFullPath } = await import('../../../renderer/src/pages/StartPage');
    for (const p of ['C:\\Data\\x.csv', 'd:/data/x.csv', '\\\\server\\share\\x.csv', '/data/x.csv']) expect(looksLikeFullPath(p), p).toBe(true);
    for (const p of ['x.csv', 'data\\x.csv', './x.csv', '~/x.csv', 'C:x.csv', '']) expect(looksLikeFullPath(p), p).toBe(false);
  });
});
