// Recognises files that are not delimited text from their first bytes ("magic numbers"), so a
// workbook or database renamed .csv gets a message naming what it is rather than a parse error.
// Signatures from the formats' own specifications (PNG, ZIP APPNOTE, PDF, RFC 1952 GZIP, SQLite
// file format, OLE2 compound file, JPEG/GIF, Parquet, Arrow IPC, SPSS .sav, Stata 117+ .dta,
// bzip2, xz, Zstandard, 7-Zip, ELF).

export interface FileSignature {
  /** What the file looks like, for "it looks like …" in messages. */
  looksLike: string;
  /** What the user can do instead. */
  advice: string;
}

interface Signature extends FileSignature {
  magic: (number | string)[];
  /** Extra check after the magic bytes match. */
  also?: (head: Uint8Array) => boolean;
}

const BZIP2_BLOCK = [0x31, 0x41, 0x59, 0x26, 0x53, 0x59];
const BZIP2_END = [0x17, 0x72, 0x45, 0x38, 0x50, 0x90];

function isDigit(b: number | undefined): boolean {
  return b !== undefined && b >= 0x30 && b <= 0x39;
}

function startsAt(head: Uint8Array, offset: number, bytes: readonly number[]): boolean {
  if (head.length < offset + bytes.length) return false;
  for (let i = 0; i < bytes.length; i++) if (head[offset + i] !== bytes[i]) return false;
  return true;
}

/** Magic numbers that are plain ASCII could also begin a CSV header ("PAR1,PAR2"); the binary
 *  formats behind them have NUL or low control bytes within their first kilobyte, text does not. */
function binarySoon(head: Uint8Array): boolean {
  const n = Math.min(head.length, 1024);
  for (let i = 0; i < n; i++) if (head[i]! < 0x09) return true;
  return false;
}

const EXPORT_AS_CSV = 'Export or save the data as CSV (UTF-8) and open that file.';
const DECOMPRESS = 'Decompress the file first and open the CSV inside it.';

const SIGNATURES: Signature[] = [
  { magic: [0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a], looksLike: 'a PNG image', advice: 'Open the CSV file that holds the data.' },
  { magic: [0xff, 0xd8, 0xff], looksLike: 'a JPEG image', advice: 'Open the CSV file that holds the data.' },
  { magic: ['GIF8'], also: binarySoon, looksLike: 'a GIF image', advice: 'Open the CSV file that holds the data.' },
  { magic: ['%PDF-'], also: (h) => isDigit(h[5]), looksLike: 'a PDF document', advice: 'Open the CSV file that holds the data, not a document about it.' },
  { magic: ['SQLite format 3', 0], looksLike: 'an SQLite database', advice: 'Export the table you need to CSV (for example with the sqlite3 ".mode csv" command).' },
  {
    magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    looksLike: 'a legacy Microsoft Office file (an .xls workbook or .doc document is one)',
    advice: 'In Excel choose File > Save As > CSV UTF-8 and open that file.',
  },
  { magic: ['PAR1'], also: binarySoon, looksLike: 'an Apache Parquet file', advice: EXPORT_AS_CSV },
  { magic: ['ARROW1'], also: binarySoon, looksLike: 'an Apache Arrow (Feather) file', advice: EXPORT_AS_CSV },
  { magic: ['$FL2'], also: binarySoon, looksLike: 'an SPSS data file (.sav)', advice: EXPORT_AS_CSV },
  { magic: ['$FL3'], also: binarySoon, looksLike: 'an SPSS data file (.zsav)', advice: EXPORT_AS_CSV },
  { magic: ['<stata_dta>'], looksLike: 'a Stata data file (.dta)', advice: EXPORT_AS_CSV },
  { magic: [0x1f, 0x8b], looksLike: 'a GZIP-compressed file (.gz, or an R .rds file)', advice: DECOMPRESS },
  // "BZh" + block size digit, then a block magic (pi) or the end-of-stream magic (sqrt pi).
  { magic: ['BZh'], also: (h) => isDigit(h[3]) && (startsAt(h, 4, BZIP2_BLOCK) || startsAt(h, 4, BZIP2_END)), looksLike: 'a bzip2-compressed file (.bz2)', advice: DECOMPRESS },
  { magic: [0xfd, '7zXZ', 0x00], looksLike: 'an xz-compressed file (.xz)', advice: DECOMPRESS },
  { magic: [0x28, 0xb5, 0x2f, 0xfd], looksLike: 'a Zstandard-compressed file (.zst)', advice: DECOMPRESS },
  { magic: ['7z', 0xbc, 0xaf, 0x27, 0x1c], looksLike: 'a 7-Zip archive', advice: DECOMPRESS },
  { magic: [0x7f, 'ELF'], looksLike: 'a program (an ELF executable)', advice: 'Open the CSV file that holds the data.' },
];

const ZIP_MAGICS = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06], // empty archive
  [0x50, 0x4b, 0x07, 0x08], // spanned archive
];

function magicBytes(parts: (number | string)[]): number[] {
  const out: number[] = [];
  for (const p of parts) {
    if (typeof p === 'number') out.push(p);
    else for (let i = 0; i < p.length; i++) out.push(p.charCodeAt(i));
  }
  return out;
}

const COMPILED = SIGNATURES.map((s) => ({ ...s, bytes: magicBytes(s.magic) }));

function startsWith(head: Uint8Array, bytes: readonly number[]): boolean {
  return startsAt(head, 0, bytes);
}

/** Whether the ASCII `needle` occurs anywhere in `head` (used to look inside ZIP local headers). */
function containsAscii(head: Uint8Array, needle: string): boolean {
  const first = needle.charCodeAt(0);
  outer: for (let i = head.indexOf(first); i !== -1 && i + needle.length <= head.length; i = head.indexOf(first, i + 1)) {
    for (let k = 1; k < needle.length; k++) if (head[i + k] !== needle.charCodeAt(k)) continue outer;
    return true;
  }
  return false;
}

/** Office Open XML files are ZIP archives; their entry names (stored in clear) say which kind. */
function describeZip(head: Uint8Array): FileSignature {
  const saveAsCsv = 'In Excel choose File > Save As > CSV UTF-8 and open that file.';
  if (containsAscii(head, 'xl/')) return { looksLike: 'an Excel workbook (.xlsx, which is a ZIP archive)', advice: saveAsCsv };
  if (containsAscii(head, 'word/')) return { looksLike: 'a Word document (.docx, which is a ZIP archive)', advice: 'Open the CSV file that holds the data.' };
  return { looksLike: 'a ZIP archive (an .xlsx workbook is one)', advice: `${saveAsCsv} If it is an archive of CSV files, extract them first.` };
}

/** The kind of non-text file `head` starts like, or null when no known signature matches. */
export function identifyFileSignature(head: Uint8Array): FileSignature | null {
  if (ZIP_MAGICS.some((m) => startsWith(head, m))) return describeZip(head);
  for (const s of COMPILED) {
    if (startsWith(head, s.bytes) && (s.also === undefined || s.also(head))) return { looksLike: s.looksLike, advice: s.advice };
  }
  return null;
}
