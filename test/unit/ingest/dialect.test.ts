import { describe, expect, it } from 'vitest';
import { sniffDialect, sniffHeader, sniffNewline, type Dialect } from '../../../shared/ingest/dialect';
import { RepresentError } from '../../../shared/errors';
import { encode, fixture, readAll, thrown } from '../../fixtures/ingest/ingest-test-kit';

const sniff = (bytes: Uint8Array, overrides = {}, totalBytes = bytes.length): Dialect => sniffDialect(bytes, { file: 'in.csv', totalBytes }, overrides);
const sniffText = (text: string, overrides = {}): Dialect => sniff(encode(text), overrides);

const ACCENTED = [
  ['Zoë Brontë', 'Llanelli', '£12.50'],
  ['José “Pepe” Núñez', 'Bury St Edmunds', '€8'],
  ['Siân O’Neill', 'Ynys Môn – Anglesey', '£0'],
];

describe('sniffDialect: encodings (fixtures written by make-fixtures.ts)', () => {
  it.each([
    ['accented-utf8-bom.csv', 'utf-8', 3],
    ['accented-utf16le-bom.csv', 'utf-16le', 2],
    ['accented-utf16be-bom.csv', 'utf-16be', 2],
    ['accented-windows-1252.csv', 'windows-1252', 0],
  ] as const)('%s is %s with a %i-byte BOM and reads back exactly', (name, encoding, bomLength) => {
    const bytes = fixture(name);
    const d = sniff(bytes);
    expect(d).toEqual({ encoding, bomLength, delimiter: ',', newline: '\r\n', quoteChar: '"', hasHeader: true });
    for (const sizes of [[bytes.length], [1], [3, 5]]) {
      const { rows, reader } = readAll(bytes, d, sizes);
      expect(reader.columns).toEqual(['name', 'town', 'fee']);
      expect(rows).toEqual(ACCENTED);
    }
  });

  it('takes plain ASCII and valid UTF-8 without a BOM as UTF-8', () => {
    expect(sniffText('a,b\n1,2\n').encoding).toBe('utf-8');
    expect(sniffText('a,b\nö,€\n')).toMatchObject({ encoding: 'utf-8', bomLength: 0 });
  });

  it('accepts a head cut in the middle of a UTF-8 character', () => {
    const bytes = encode('name,town\n' + 'Zoë,Môn\n'.repeat(100));
    const cut = bytes.subarray(0, bytes.indexOf(0xc3, 20) + 1); // ends on the first byte of a 2-byte character
    expect(sniff(cut, {}, bytes.length).encoding).toBe('utf-8');
  });

  it('recognises UTF-16 without a BOM from the NUL pattern', () => {
    const text = 'id,ward\n1,Ash\n2,Beech\n';
    expect(sniff(encode(text, 'utf-16le'))).toMatchObject({ encoding: 'utf-16le', bomLength: 0, delimiter: ',' });
    expect(sniff(encode(text, 'utf-16be'))).toMatchObject({ encoding: 'utf-16be', bomLength: 0 });
  });

  it('honours an encoding override, keeping a matching BOM length', () => {
    expect(sniff(fixture('accented-utf8-bom.csv'), { encoding: 'utf-8' }).bomLength).toBe(3);
    expect(sniff(fixture('accented-utf8-bom.csv'), { encoding: 'windows-1252' }).bomLength).toBe(0);
    expect(sniff(encode('a,b\n1,2\n'), { encoding: 'windows-1252' }).encoding).toBe('windows-1252');
  });
});

describe('sniffDialect: delimiters', () => {
  it.each([
    [',', 'id,name,age\n1,"Smith, J",40\n2,Jones,51\n'],
    ['\t', 'id\tnote\tage\n1\ta, b, c\t40\n2\td, e\t51\n'],
    [';', 'id;weight;height\n1;70,5;1,80\n2;82,0;1,75\n'],
    ['|', 'id|code|desc\n1|A01|x, y\n2|B02|z\n'],
  ])('finds %j', (delimiter, text) => {
    expect(sniffText(text).delimiter).toBe(delimiter);
  });

  it('prefers semicolons over decimal commas (fixture semicolon-decimal-comma.csv)', () => {
    const d = sniff(fixture('semicolon-decimal-comma.csv'));
    expect(d.delimiter).toBe(';');
    expect(readAll(fixture('semicolon-decimal-comma.csv'), d).rows).toEqual([
      ['1', '22,5', '70,1'],
      ['2', '31,0', '95,4'],
      ['3', '', '80'],
    ]);
  });

  it('ignores delimiters inside quoted fields', () => {
    expect(sniffText('a;b\n"1,2,3";4\n"5,6,7";8\n').delimiter).toBe(';');
  });

  it('falls back to comma for a single column and honours an override', () => {
    expect(sniffText('nhs_number\n4010232137\n4010232138\n').delimiter).toBe(',');
    expect(sniffText('a,b\n1,2\n', { delimiter: '|' }).delimiter).toBe('|');
  });

  it('tolerates a few ragged rows', () => {
    const rows = Array.from({ length: 40 }, (_, i) => (i % 13 === 5 ? `${i},x` : `${i},x,y`));
    expect(sniffText(`a,b,c\n${rows.join('\n')}\n`).delimiter).toBe(',');
  });
});

describe('sniffDialect: line endings', () => {
  it.each([
    ['\n', 'a,b\n1,2\n'],
    ['\r\n', 'a,b\r\n1,2\r\n'],
    ['\r', 'a,b\r1,2\r'],
  ])('finds %j', (newline, text) => {
    expect(sniffText(text).newline).toBe(newline);
  });

  it('does not count line breaks inside quotes', () => {
    expect(sniffNewline('a,b\r\n"x\ny\nz\nw",1\r\n2,3\r\n')).toBe('\r\n');
  });

  it('reads the classic Mac CR file with a tab delimiter and a quoted CR (fixture old-mac-cr.csv)', () => {
    const bytes = fixture('old-mac-cr.csv');
    const d = sniff(bytes);
    expect(d).toMatchObject({ newline: '\r', delimiter: '\t' });
    expect(readAll(bytes, d, [1]).rows).toEqual([
      ['1', 'A', 'two\rlines'],
      ['2', 'B', 'plain'],
    ]);
  });
});

describe('sniffDialect: header', () => {
  it('sees a header over numbers and dates', () => {
    expect(sniffText('id,age,admitted\n1,40,2021-03-04\n2,51,2021-05-06\n').hasHeader).toBe(true);
  });

  it('sees no header when the first row is data like the rest', () => {
    expect(sniffText('1,40,2021-03-04\n2,51,2021-05-06\n3,66,2022-01-01\n').hasHeader).toBe(false);
  });

  it('assumes a header when all columns are text', () => {
    expect(sniffText('A01,Ash\nB02,Beech\nC03,Cedar\n').hasHeader).toBe(true);
  });

  it('assumes a header for a single row, and honours an override', () => {
    expect(sniffText('id,age\n').hasHeader).toBe(true);
    expect(sniffText('id,age\n1,2\n', { hasHeader: false }).hasHeader).toBe(false);
  });

  it('votes on the kinds of values below each first-row value', () => {
    expect(sniffHeader([['x', 'y'], ['1', 'a'], ['2', 'b']])).toBe(true);
    expect(sniffHeader([['7', 'y'], ['1', 'a'], ['2', 'b']])).toBe(false);
    expect(sniffHeader([['7', 'height'], ['1', '1.8'], ['2', '1.6']])).toBe(true); // any header vote wins
  });
});

describe('sniffDialect: not a CSV', () => {
  const notCsv = (bytes: Uint8Array) => thrown(() => sniff(bytes)) as RepresentError;

  it.each([
    ['chart.png', 'a PNG image'],
    ['workbook-saved-as.csv', 'an Excel workbook (.xlsx, which is a ZIP archive)'],
    ['extracts.zip', 'a ZIP archive (an .xlsx workbook is one)'],
    ['data-dictionary.pdf', 'a PDF document'],
    ['extract.csv.gz', 'a GZIP-compressed file (.gz, or an R .rds file)'],
    ['database-renamed.csv', 'an SQLite database'],
  ])('%s is a binary-file error naming %s', (name, looksLike) => {
    const e = notCsv(fixture(name));
    expect(e).toBeInstanceOf(RepresentError);
    expect(e.code).toBe('binary-file');
    expect(e.found).toBe(looksLike);
    expect(e.expected).toMatch(/delimited text/);
    expect(e.location).toEqual({ file: 'in.csv', byteOffset: 0 });
    expect(e.message).toContain(`it looks like ${looksLike}`);
  });

  it('names a legacy .xls by its OLE2 signature', () => {
    const xls = new Uint8Array(512);
    xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(notCsv(xls).found).toMatch(/legacy Microsoft Office file/);
  });

  it('calls NUL bytes in a non-UTF-16 file binary, giving the first offset', () => {
    const bytes = encode('id,age\n1,42\n2,\u0000\u0001\u0002\u0003\n');
    const e = notCsv(bytes);
    expect(e.code).toBe('binary-file');
    expect(e.location.byteOffset).toBe(bytes.indexOf(0));
  });

  it('calls control-code soup binary', () => {
    const bytes = Uint8Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41));
    expect(notCsv(bytes).code).toBe('binary-file');
  });

  it('does not mistake a header that starts like a magic number for a binary file', () => {
    expect(sniffText('PAR1,PAR2\n1,2\n').delimiter).toBe(',');
    expect(sniffText('GIF8 code,x\n1,2\n').delimiter).toBe(',');
  });

  it('reports an empty file, a BOM alone and blank lines alone as empty-file', () => {
    for (const bytes of [new Uint8Array(0), Uint8Array.of(0xef, 0xbb, 0xbf), encode('\n\r\n  \n'), Uint8Array.of(0xff, 0xfe)]) {
      const e = notCsv(bytes);
      expect(e.code).toBe('empty-file');
      expect(e.location.file).toBe('in.csv');
    }
  });

  it('calls a whole file of more blank lines than the sample empty too', () => {
    expect(notCsv(encode('\r\n'.repeat(50_000))).code).toBe('empty-file');
  });

  it('does not call a file empty when only its head is blank', () => {
    const head = encode('\n'.repeat(1000));
    expect(sniff(head, {}, 5000).delimiter).toBe(',');
  });

  it('refuses bytes that are neither UTF-8 nor plausibly Windows-1252', () => {
    // GBK-encoded Chinese: long runs of high bytes.
    const gbk = Uint8Array.from([0x69, 0x64, 0x2c, 0x6e, 0x0a, 0x31, 0x2c, 0xc4, 0xe3, 0xba, 0xc3, 0xca, 0xc0, 0xbd, 0xe7, 0x0a]);
    const e = notCsv(gbk);
    expect(e.code).toBe('undecodable-bytes');
    expect(e.location.byteOffset).toBe(7);
    expect(e.message).toMatch(/Windows-1252/);
  });

  it('refuses UTF-32', () => {
    const bytes = Uint8Array.from([0xff, 0xfe, 0, 0, 0x61, 0, 0, 0, 0x0a, 0, 0, 0]);
    expect(notCsv(bytes).code).toBe('undecodable-bytes');
  });

  it('checks a UTF-8 override against the head', () => {
    const e = thrown(() => sniff(fixture('accented-windows-1252.csv'), { encoding: 'utf-8' })) as RepresentError;
    expect(e.code).toBe('undecodable-bytes');
    expect(e.location.byteOffset).toBe(fixture('accented-windows-1252.csv').indexOf(0xeb));
  });
});
