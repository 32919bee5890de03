// Bad input: each case must fail with a specific RepresentError that says what was expected, what
// was found and where, and must never quote the data. A distinctive value is planted in the
// offending row or field of every case and must not appear anywhere in the error.
import { describe, expect, it } from 'vitest';
import { CsvChunkReader } from '../../../shared/ingest/csv-chunk-reader';
import { sniffDialect } from '../../../shared/ingest/dialect';
import { RepresentError } from '../../../shared/errors';
import { chunked, dialect, encode, fixture, readAll, thrown } from '../../fixtures/ingest/ingest-test-kit';

const SECRET = 'SECRET-VALUE-123';

function expectPrivateError(e: unknown, code: string): RepresentError {
  expect(e).toBeInstanceOf(RepresentError);
  const err = e as RepresentError;
  expect(err.code).toBe(code);
  expect(err.expected, 'says what was expected').toBeTruthy();
  expect(err.found, 'says what was found').toBeTruthy();
  expect(err.location.file, 'says which file').toBeTruthy();
  const everything = JSON.stringify(err.toJSON()) + err.message + String(err.stack);
  expect(everything).not.toContain(SECRET);
  expect(everything).not.toContain('SECRET');
  return err;
}

const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

function tableWithRow(rowCount: number, badRow: number, bad: string): string {
  const lines = ['id,name,note'];
  for (let i = 1; i <= rowCount; i++) lines.push(i === badRow ? bad : `${i},Ann Other ${i},fine`);
  return lines.join('\n') + '\n';
}

describe('bad input: the file as a whole', () => {
  it('empty file', () => {
    const e = expectPrivateError(thrown(() => sniffDialect(new Uint8Array(0), { file: 'empty.csv', totalBytes: 0 })), 'empty-file');
    expect(e.location).toEqual({ file: 'empty.csv' });
  });

  it('PNG bytes', () => {
    const png = fixture('chart.png');
    const e = expectPrivateError(thrown(() => sniffDialect(png, { file: 'chart.csv', totalBytes: png.length })), 'binary-file');
    expect(e.found).toBe('a PNG image');
  });

  it('an .xlsx workbook renamed .csv', () => {
    const xlsx = fixture('workbook-saved-as.csv');
    const e = expectPrivateError(thrown(() => sniffDialect(xlsx, { file: 'extract.csv', totalBytes: xlsx.length })), 'binary-file');
    expect(e.found).toMatch(/Excel workbook \(\.xlsx/);
    expect(e.message).toMatch(/Save As > CSV UTF-8/);
  });

  it('NUL bytes in a text file', () => {
    const bytes = encode(`id,note\n1,${SECRET}\u0000\u0000\n`);
    const e = expectPrivateError(thrown(() => sniffDialect(bytes, { file: 'nul.csv', totalBytes: bytes.length })), 'binary-file');
    expect(e.location.byteOffset).toBe(bytes.indexOf(0));
  });

  it('a head that is neither UTF-8 nor Windows-1252', () => {
    const bytes = concat(encode(`id,note\n1,${SECRET} `), Uint8Array.from([0xc4, 0xe3, 0xba, 0xc3, 0xca, 0xc0, 0xbd, 0xe7, 0x0a]));
    const e = expectPrivateError(thrown(() => sniffDialect(bytes, { file: 'gbk.csv', totalBytes: bytes.length })), 'undecodable-bytes');
    expect(e.location.byteOffset).toBe(bytes.indexOf(0xc4));
  });

  it('header only: no error from the reader, and stats.rows is 0 (the caller decides)', () => {
    const bytes = encode('id,name,note\n');
    const d = sniffDialect(bytes, { file: 'h.csv', totalBytes: bytes.length });
    const { reader } = readAll(bytes, d, [1]);
    expect(reader.stats.rows).toBe(0);
    expect(reader.columns).toEqual(['id', 'name', 'note']);
  });

  it('duplicate and blank column names are warnings, not errors', () => {
    const { reader, rows } = readAll(encode(`id,,id\n1,${SECRET},3\n`), dialect());
    expect(reader.columns).toEqual(['id', 'column_2', 'id_2']);
    expect(reader.warnings).toHaveLength(2);
    expect(rows).toEqual([['1', SECRET, '3']]);
    expect(reader.warnings.join(' ')).not.toContain(SECRET);
  });
});

describe('bad input: undecodable bytes in the middle of a UTF-8 file', () => {
  // Row 3000 holds a Windows-1252 "é" (0xE9) next to the planted value.
  const head = encode(tableWithRow(5000, 3000, `3000,Caf`));
  const cut = head.indexOf(0x0a, new TextDecoder().decode(head).indexOf('3000,Caf')); // ASCII: chars = bytes
  const bytes = concat(head.subarray(0, cut), Uint8Array.of(0xe9), encode(` ${SECRET},x`), head.subarray(cut));
  const badOffset = cut;

  it.each([[[bytes.length]], [[1024 * 1024]], [[4096]], [[1]], [[badOffset, 10]], [[badOffset + 1, 10]], [[badOffset - 1, 10]]])('chunks of %j: exact byte offset and row', (sizes) => {
    const d = sniffDialect(bytes.subarray(0, 1000), { file: 'mixed.csv', totalBytes: bytes.length });
    expect(d.encoding).toBe('utf-8');
    const e = expectPrivateError(thrown(() => readAll(bytes, d, sizes)), 'undecodable-bytes');
    expect(e.location).toEqual({ file: 'test.csv', row: 3000, byteOffset: badOffset });
    expect(e.message).toMatch(/Windows-1252/);
  });

  it('gives absolute offsets and part-relative rows in a later part', () => {
    const start = head.indexOf(0x0a, 20_000) + 1; // a row start
    const d = dialect();
    const e = expectPrivateError(
      thrown(() => readAll(bytes.subarray(start), d, [777], { isFirstPart: false, columns: ['id', 'name', 'note'], firstByteOffset: start })),
      'undecodable-bytes',
    );
    const rowsBefore = new TextDecoder().decode(head.subarray(0, start)).split('\n').length - 2; // minus header and the empty piece
    expect(e.location).toEqual({ file: 'test.csv', row: 3000 - rowsBefore, byteOffset: badOffset });
  });

  it('in the header row: row 0', () => {
    const b = concat(encode(`id,${SECRET}`), Uint8Array.of(0xff), encode(',x\n1,2,3\n'));
    const e = expectPrivateError(thrown(() => readAll(b, dialect(), [3])), 'undecodable-bytes');
    expect(e.location).toEqual({ file: 'test.csv', row: 0, byteOffset: b.indexOf(0xff) });
  });

  it('a multi-byte character cut off by the end of the file', () => {
    const b = concat(encode(`id,note\n1,${SECRET}`), Uint8Array.of(0xe2, 0x82));
    const e = expectPrivateError(thrown(() => readAll(b, dialect(), [5])), 'undecodable-bytes');
    expect(e.location).toEqual({ file: 'test.csv', row: 1, byteOffset: b.length - 2 });
  });
});

describe('bad input: fields and quotes', () => {
  it('a field larger than the limit, inside one chunk', () => {
    const bytes = encode(tableWithRow(10, 5, `5,x,${SECRET.repeat(10)}`));
    const e = expectPrivateError(thrown(() => readAll(bytes, dialect(), undefined, { maxFieldChars: 100 })), 'field-too-large');
    expect(e.location).toMatchObject({ file: 'test.csv', row: 5, column: 'note' });
    expect(e.found).toMatch(/more than 100 characters/);
  });

  it('a field larger than the limit, spread over many chunks', () => {
    const bytes = encode(tableWithRow(10, 5, `5,"${SECRET.repeat(10)}",x`));
    const e = expectPrivateError(thrown(() => readAll(bytes, dialect(), [7], { maxFieldChars: 100 })), 'field-too-large');
    expect(e.location).toMatchObject({ file: 'test.csv', row: 5, column: 'name' });
    expect(e.location.byteOffset).toBe(bytes.indexOf(0x22)); // the opening quote
  });

  it('a stray quote stops the reader early instead of buffering the rest of the file', () => {
    const bytes = encode(tableWithRow(20_000, 10, `10,"${SECRET} unclosed,x`));
    const d = dialect();
    let pushed = 0;
    const reader = new CsvChunkReader(d, () => undefined, { file: 'stray.csv', isFirstPart: true, maxFieldChars: 10_000 });
    const e = thrown(() => {
      for (const c of chunked(bytes, [4096])) {
        reader.push(c);
        pushed += c.length;
      }
      reader.end();
    });
    expectPrivateError(e, 'field-too-large');
    expect((e as RepresentError).location).toMatchObject({ row: 10, column: 'name', byteOffset: bytes.indexOf(0x22) });
    expect(pushed).toBeLessThan(20_000);
    expect(bytes.length).toBeGreaterThan(400_000);
  });

  it('a row longer than the row limit (no line breaks at all)', () => {
    const bytes = encode('a,b\n' + `${SECRET},`.repeat(2000));
    const e = expectPrivateError(thrown(() => readAll(bytes, dialect(), [512], { maxFieldChars: 100, maxRowChars: 5000 })), 'field-too-large');
    expect(e.location).toMatchObject({ row: 1, byteOffset: 4 });
  });

  it.each([[[1]], [[5]], [[100_000]]])('an unterminated quote at the end of the file, chunks %j', (sizes) => {
    const bytes = encode(tableWithRow(50, 50, `50,ok,"${SECRET}\nmore text`).replace(/\n$/, ''));
    const e = expectPrivateError(thrown(() => readAll(bytes, dialect(), sizes)), 'unterminated-quote');
    expect(e.location).toEqual({ file: 'test.csv', row: 50, column: 'note', byteOffset: bytes.lastIndexOf(0x22) });
  });

  it('an unterminated quote in the header', () => {
    const bytes = encode(`id,"${SECRET}`);
    const e = expectPrivateError(thrown(() => readAll(bytes, dialect(), [2])), 'unterminated-quote');
    expect(e.location).toMatchObject({ row: 0, byteOffset: 3 });
  });

  it('a reader that failed refuses further input', () => {
    const reader = new CsvChunkReader(dialect(), () => undefined, { file: 'x.csv', isFirstPart: true });
    expect(() => reader.push(Uint8Array.of(0x61, 0xff))).toThrow(RepresentError);
    expect((thrown(() => reader.push(encode('x'))) as RepresentError).code).toBe('internal');
  });
});

describe('bad input: UTF-16 and Windows-1252 offsets', () => {
  it('counts two bytes per code unit in UTF-16 and one per byte in Windows-1252', () => {
    for (const [encoding, bomLength] of [
      ['utf-16le', 2],
      ['utf-16be', 2],
      ['windows-1252', 0],
    ] as const) {
      const text = `id,note\n1,Zoë\n2,"${SECRET}`;
      const bytes = encode(text, encoding, bomLength > 0);
      const e = expectPrivateError(thrown(() => readAll(bytes, dialect({ encoding, bomLength }), [3])), 'unterminated-quote');
      const unit = encoding === 'windows-1252' ? 1 : 2;
      expect(e.location).toEqual({ file: 'test.csv', row: 2, column: 'note', byteOffset: bomLength + unit * text.indexOf('"') });
    }
  });
});
