import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CsvChunkReader, emptyIngestStats, mergeIngestStats, type IngestStats } from '../../../shared/ingest/csv-chunk-reader';
import { sniffDialect } from '../../../shared/ingest/dialect';
import { RepresentError } from '../../../shared/errors';
import { FIXTURES, chunked, dialect, encode, readAll, thrown } from '../../fixtures/ingest/ingest-test-kit';

const read = (text: string, sizes?: number[], d = dialect()) => readAll(encode(text), d, sizes);

describe('CsvChunkReader: header', () => {
  it('names blank and repeated columns, warning with the position, and keeps every column', () => {
    const { reader, rows } = read('id,,age,id, ,age,id_2\n1,2,3,4,5,6,7\n');
    expect(reader.columns).toEqual(['id', 'column_2', 'age', 'id_3', 'column_5', 'age_2', 'id_2']);
    expect(reader.warnings).toEqual([
      'Column 2 has a blank name; it is called "column_2".',
      'Column 4 repeats the name of an earlier column; it is called "id_3".',
      'Column 5 has a blank name; it is called "column_5".',
      'Column 6 repeats the name of an earlier column; it is called "age_2".',
    ]);
    expect(rows).toEqual([['1', '2', '3', '4', '5', '6', '7']]);
  });

  it('lets a real column called column_2 keep its name', () => {
    const { reader } = read(',column_1\n1,2\n');
    expect(reader.columns).toEqual(['column_1_2', 'column_1']);
  });

  it('reads a header split over many chunks, after blank lines', () => {
    const { reader, rows } = read('\n\nfirst name,"last\nname"\nA,B\n', [1]);
    expect(reader.columns).toEqual(['first name', 'last\nname']);
    expect(rows).toEqual([['A', 'B']]);
    expect(reader.stats.blankLines).toBe(2);
  });

  it('emits no rows for a header-only file, with or without a final newline', () => {
    for (const text of ['a,b,c\n', 'a,b,c', 'a,b,c\r\n', 'a,b,c\n\n\n']) {
      const bytes = encode(text);
      const { reader, rows, batches } = readAll(bytes, sniffDialect(bytes, { file: 'x.csv', totalBytes: bytes.length }), [2]);
      expect(reader.stats.rows).toBe(0);
      expect(rows).toEqual([]);
      expect(batches).toBe(0);
      expect(reader.columns).toEqual(['a', 'b', 'c']);
    }
  });

  it('names columns column_1..N from the first row when there is no header, and keeps that row', () => {
    const { reader, rows } = read('1,2,3\n4,5,6\n', [4], dialect({ hasHeader: false }));
    expect(reader.columns).toEqual(['column_1', 'column_2', 'column_3']);
    expect(rows).toEqual([
      ['1', '2', '3'],
      ['4', '5', '6'],
    ]);
  });

  it('skips the header but uses given columns when both are present', () => {
    const { reader, rows } = readAll(encode('x,y\n1,2\n'), dialect(), undefined, { columns: ['a', 'b'] });
    expect(reader.columns).toEqual(['a', 'b']);
    expect(rows).toEqual([['1', '2']]);
  });
});

describe('CsvChunkReader: rows', () => {
  it('pads short rows, truncates long ones, counts both and lists the first ten row numbers', () => {
    const lines = ['a,b,c'];
    for (let i = 1; i <= 30; i++) lines.push(i % 3 === 0 ? `${i}` : i % 5 === 0 ? `${i},x,y,z,w` : `${i},x,y`);
    const { reader, rows } = read(lines.join('\n') + '\n', [17]);
    expect(rows).toHaveLength(30);
    expect(rows.every((r) => r.length === 3)).toBe(true);
    expect(rows[2]).toEqual(['3', '', '']);
    expect(rows[4]).toEqual(['5', 'x', 'y']);
    expect(reader.stats.ragged.tooFew).toBe(10);
    expect(reader.stats.ragged.tooMany).toBe(4); // 5, 10, 20, 25 (15 and 30 are short)
    expect(reader.stats.ragged.firstRows).toEqual([3, 5, 6, 9, 10, 12, 15, 18, 20, 21]);
  });

  it('skips and counts fully blank lines, numbering data rows without them', () => {
    const { reader, rows } = read('a,b\n\n1,2\n\n\n3\n\r\n', [3]);
    expect(rows).toEqual([
      ['1', '2'],
      ['3', ''],
      ['\r', ''], // a CR alone is not a blank line in an LF file
    ]);
    expect(reader.stats.blankLines).toBe(3);
    expect(reader.stats.ragged.firstRows).toEqual([2, 3]);
  });

  it('keeps rows of empty fields (",,") as data', () => {
    expect(read('a,b,c\n,,\n').rows).toEqual([['', '', '']]);
  });

  it('handles quoted delimiters, doubled quotes and line breaks split across 1-byte chunks, in CRLF', () => {
    const text = 'a,b\r\n"x,""y""\r\nz",2\r\n"",""\r\n';
    const whole = read(text, undefined, dialect({ newline: '\r\n' }));
    const bytewise = read(text, [1], dialect({ newline: '\r\n' }));
    expect(bytewise.rows).toEqual([
      ['x,"y"\r\nz', '2'],
      ['', ''],
    ]);
    expect(bytewise.rows).toEqual(whole.rows);
  });

  it('reads the last row without a final newline', () => {
    expect(read('a,b\n1,2\n3,4', [5]).rows).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('emits rows in batches: at most one per push for small chunks, one per 32 KiB window for large ones, never empty', () => {
    const text = 'a,b\n' + Array.from({ length: 20_000 }, (_, i) => `${i},${i * 2}`).join('\n') + '\n';
    const bytes = encode(text);
    for (const [size, maxBatches] of [
      [1024, Math.ceil(bytes.length / 1024) + 1],
      [bytes.length, Math.ceil(bytes.length / 32768) + 1],
    ]) {
      const batches: number[] = [];
      const reader = new CsvChunkReader(dialect(), (rows) => batches.push(rows.length), { file: 'x.csv', isFirstPart: true });
      for (const c of chunked(bytes, [size!])) reader.push(c);
      reader.end();
      expect(batches.length).toBeLessThanOrEqual(maxBatches!);
      expect(batches.length).toBeGreaterThan(1);
      expect(Math.min(...batches)).toBeGreaterThan(0);
      expect(batches.reduce((a, b) => a + b, 0)).toBe(20_000);
      expect(reader.stats.rows).toBe(20_000);
      expect(reader.stats.bytes).toBe(bytes.length);
    }
  });

  it('reads a quoted field much longer than a chunk, with and without line breaks in it', () => {
    const long = 'x'.repeat(50_000);
    const multiline = Array.from({ length: 500 }, (_, i) => `line ${i}`).join('\n');
    const { rows } = read(`a,b\n"${long}",1\n"${multiline}",2\n3,4\n`, [1000]);
    expect(rows).toEqual([
      [long, '1'],
      [multiline, '2'],
      ['3', '4'],
    ]);
  });

  it('reads a row longer than the field limit when each of its fields is within it', () => {
    const wide = Array.from({ length: 60 }, (_, i) => `${'v'.repeat(40)}${i}`);
    const header = wide.map((_, i) => `c${i}`).join(',');
    const { rows } = readAll(encode(`${header}\n${wide.join(',')}\n${wide.join(',')}`), dialect(), [16], { maxFieldChars: 100, maxRowChars: 10_000 });
    expect(rows).toEqual([wide, wide]);
  });

  it('counts rows where papaparse met a malformed closing quote', () => {
    const { reader, rows } = read('a,b\n"x"y,1\nok,2\n"p"q"r",3\n', [4]);
    expect(rows).toEqual([
      ['x"y,1\nok,2\n"p"q"r', '3'],
    ]);
    expect(reader.stats.malformedQuoteRows).toBe(1);
  });

  it('agrees with papaparse on a real dataset (CPS 1985, 534 rows) in many chunk sizes', () => {
    const bytes = new Uint8Array(readFileSync(path.join(FIXTURES, '..', 'cps1985', 'cps-1985.csv')));
    const expected = Papa.parse<string[]>(new TextDecoder().decode(bytes), { skipEmptyLines: true }).data;
    const d = sniffDialect(bytes, { file: 'cps-1985.csv', totalBytes: bytes.length });
    expect(d).toMatchObject({ delimiter: ',', newline: '\n', hasHeader: true, encoding: 'utf-8' });
    for (const sizes of [[bytes.length], [1], [64], [4096, 13]]) {
      const { rows, reader } = readAll(bytes, d, sizes);
      expect(reader.columns).toEqual(expected[0]);
      expect(rows).toEqual(expected.slice(1));
      expect(reader.stats.rows).toBe(534);
    }
  });
});

describe('CsvChunkReader: later parts', () => {
  it('needs the columns from the first part', () => {
    const e = thrown(() => new CsvChunkReader(dialect(), () => undefined, { file: 'x.csv', isFirstPart: false }));
    expect(e).toBeInstanceOf(RepresentError);
    expect((e as RepresentError).code).toBe('bad-argument');
  });

  it('reads no header and skips no BOM in a later part', () => {
    const d = dialect({ bomLength: 3 });
    const { rows, reader } = readAll(encode('1,2\n3,4\n'), d, [3], { isFirstPart: false, columns: ['a', 'b'] });
    expect(rows).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(reader.columns).toEqual(['a', 'b']);
  });

  it('skips the BOM in the first part even when it arrives one byte at a time', () => {
    const bytes = encode('a,b\n1,2\n', 'utf-8', true);
    const { rows, reader } = readAll(bytes, dialect({ bomLength: 3 }), [1]);
    expect(reader.columns).toEqual(['a', 'b']);
    expect(rows).toEqual([['1', '2']]);
    expect(reader.stats.bytes).toBe(bytes.length);
  });
});

describe('mergeIngestStats', () => {
  const stats = (rows: number, firstRows: number[], extra: Partial<IngestStats> = {}): IngestStats => ({
    ...emptyIngestStats(),
    rows,
    bytes: rows * 10,
    blankLines: 1,
    ragged: { tooFew: firstRows.length, tooMany: 1, firstRows },
    malformedQuoteRows: 2,
    ...extra,
  });

  it('adds counts and shifts the second part’s row numbers', () => {
    expect(mergeIngestStats(stats(100, [4, 50]), stats(20, [1, 7]))).toEqual({
      rows: 120,
      bytes: 1200,
      blankLines: 2,
      ragged: { tooFew: 4, tooMany: 2, firstRows: [4, 50, 101, 107] },
      malformedQuoteRows: 4,
    });
  });

  it('keeps only the first ten row numbers overall', () => {
    const merged = mergeIngestStats(stats(100, [1, 2, 3, 4, 5, 6, 7, 8]), stats(50, [1, 2, 3, 4]));
    expect(merged.ragged.firstRows).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 101, 102]);
    expect(merged.ragged.tooFew).toBe(12);
  });

  it('is associative, so parts can be merged in any grouping', () => {
    const [a, b, c] = [stats(3, [1, 3]), stats(5, [2, 4, 5]), stats(7, [1, 2, 3, 4, 5, 6, 7])];
    expect(mergeIngestStats(mergeIngestStats(a, b), c)).toEqual(mergeIngestStats(a, mergeIngestStats(b, c)));
  });
});
