// Works out how a delimited text file is written (encoding, delimiter, line ending, header) from
// its first bytes, and refuses early, with a message that says what the file looks like, when it
// is not delimited text at all. Overrides let the user correct any guess.
import Papa from 'papaparse';
import { RepresentError } from '../errors';
import { createTextDecoder, detectBom, firstInvalidUtf8, guessBomlessUtf16, hasUtf32Bom, looksLikeWindows1252 } from './encoding';
import { identifyFileSignature } from './file-signatures';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
export type Delimiter = ',' | '\t' | ';' | '|';

export interface Dialect {
  encoding: TextEncodingName;
  /** Bytes of byte-order mark at the very start of the file (0, 2 or 3). */
  bomLength: number;
  delimiter: Delimiter;
  newline: '\n' | '\r\n' | '\r';
  quoteChar: '"';
  hasHeader: boolean;
}

export interface DialectOverrides {
  encoding?: TextEncodingName;
  delimiter?: Delimiter;
  hasHeader?: boolean;
}

export const DELIMITERS: readonly Delimiter[] = [',', '\t', ';', '|'];

/** How much of the head is decoded for the delimiter, line-ending and header votes. */
const SAMPLE_BYTES = 64 * 1024;
/** Rows looked at for the delimiter and header votes. */
const SAMPLE_ROWS = 200;
/** Bytes looked at for NULs and control characters. */
const BINARY_CHECK_BYTES = 64 * 1024;

const EXPECTED_TEXT = 'a delimited text file (comma-, tab-, semicolon- or pipe-separated values)';

/**
 * head = the first bytes of the file (the caller passes up to 1 MiB).
 * Throws RepresentError 'empty-file', 'binary-file' or 'undecodable-bytes'.
 */
export function sniffDialect(head: Uint8Array, where: { file: string; totalBytes: number }, overrides: DialectOverrides = {}): Dialect {
  const { file } = where;
  if (where.totalBytes === 0 || head.length === 0) {
    throw new RepresentError('empty-file', 'The file is empty.', { expected: EXPECTED_TEXT, found: 'a file of 0 bytes', location: { file } });
  }
  const wholeFile = head.length >= where.totalBytes;

  const signature = identifyFileSignature(head);
  if (signature) {
    throw new RepresentError('binary-file', `This is not a delimited text file: it looks like ${signature.looksLike}. ${signature.advice}`, {
      expected: EXPECTED_TEXT,
      found: signature.looksLike,
      location: { file, byteOffset: 0 },
    });
  }

  const { encoding, bomLength } = chooseEncoding(head, wholeFile, file, overrides.encoding);
  const { sample, complete } = decodeSample(head, encoding, bomLength, wholeFile);
  if (sample.trim() === '') {
    if (complete || (wholeFile && createTextDecoder(encoding).decode(head.subarray(bomLength), { stream: false }).trim() === '')) {
      const found = bomLength > 0 && head.length === bomLength ? 'only a byte-order mark' : 'only blank lines or spaces';
      throw new RepresentError('empty-file', 'The file has no data.', { expected: EXPECTED_TEXT, found, location: { file } });
    }
    // Blank lines fill the whole sample but data follows: nothing to vote on, so take the defaults.
    return { encoding, bomLength, delimiter: overrides.delimiter ?? ',', newline: '\n', quoteChar: '"', hasHeader: overrides.hasHeader ?? true };
  }

  const newline = sniffNewline(sample);
  const delimiter = overrides.delimiter ?? sniffDelimiter(sample, newline, complete);
  const hasHeader = overrides.hasHeader ?? sniffHeader(sampleRows(sample, delimiter, newline, complete));
  return { encoding, bomLength, delimiter, newline, quoteChar: '"', hasHeader };
}

function chooseEncoding(head: Uint8Array, wholeFile: boolean, file: string, override: TextEncodingName | undefined): { encoding: TextEncodingName; bomLength: number } {
  const bom = detectBom(head);
  if (override) {
    const bomLength = bom && bom.encoding === override ? bom.length : 0;
    if (override === 'utf-8' && !isUtf8(head.subarray(bomLength), wholeFile)) {
      throw notUtf8(file, bomLength + firstInvalidUtf8(head.subarray(bomLength), !wholeFile), 'You chose UTF-8');
    }
    return { encoding: override, bomLength };
  }
  if (hasUtf32Bom(head)) {
    throw new RepresentError('undecodable-bytes', 'The file is UTF-32 text, which Represent cannot read. Save it as UTF-8 and open that file.', {
      expected: 'UTF-8, UTF-16 or Windows-1252 text',
      found: 'a UTF-32 byte-order mark',
      location: { file, byteOffset: 0 },
    });
  }
  if (bom) return { encoding: bom.encoding, bomLength: bom.length };

  const probe = head.subarray(0, BINARY_CHECK_BYTES);
  const firstNul = probe.indexOf(0);
  if (firstNul !== -1) {
    const utf16 = guessBomlessUtf16(head);
    if (utf16) return { encoding: utf16, bomLength: 0 };
    throw new RepresentError('binary-file', 'This is not a delimited text file: it contains NUL bytes, which text files do not.', {
      expected: EXPECTED_TEXT,
      found: 'a binary file (NUL bytes)',
      location: { file, byteOffset: firstNul },
    });
  }
  const controlShare = controlByteShare(probe);
  if (controlShare > 0.05) {
    throw new RepresentError('binary-file', 'This is not a delimited text file: too many of its bytes are control codes.', {
      expected: EXPECTED_TEXT,
      found: `a binary file (${Math.round(controlShare * 100)}% of the first ${probe.length} bytes are control codes)`,
      location: { file, byteOffset: 0 },
    });
  }

  if (isUtf8(head, wholeFile)) return { encoding: 'utf-8', bomLength: 0 };
  const bad = firstInvalidUtf8(head, !wholeFile);
  if (looksLikeWindows1252(head)) return { encoding: 'windows-1252', bomLength: 0 };
  throw notUtf8(file, bad, 'The start of the file is not UTF-8 and does not look like Windows-1252 either');
}

/**
 * Plain ASCII (most extracts) is valid UTF-8 without decoding: the byte loop took ~6 ms on a
 * 1 MiB head where the fatal decoder took ~35 ms, on the thread the workers wait for. Otherwise the
 * native fatal decoder is the check; firstInvalidUtf8 then only runs to say where.
 */
function isUtf8(bytes: Uint8Array, complete: boolean): boolean {
  if (isAscii(bytes)) return true;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return false;
  return true;
}

function notUtf8(file: string, byteOffset: number, lead: string): RepresentError {
  return new RepresentError(
    'undecodable-bytes',
    `${lead}: it has bytes that are not valid UTF-8 text. If it was saved by Excel or an older system, choose the Windows-1252 encoding; if it uses another encoding, save it as UTF-8 first.`,
    { expected: 'UTF-8, UTF-16 or Windows-1252 text', found: 'a byte sequence that is not valid UTF-8', location: { file, byteOffset } },
  );
}

/** Share of bytes that are C0 control codes other than tab, newline, vertical tab, form feed and CR. */
function controlByteShare(bytes: Uint8Array): number {
  if (bytes.length === 0) return 0;
  let control = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x20 && (b < 0x09 || b > 0x0d) && b !== 0x1a) control++; // 0x1A: DOS end-of-file mark
  }
  return control / bytes.length;
}

/** The start of the text; `complete` when it is the whole file (so its last row is not cut off). */
function decodeSample(head: Uint8Array, encoding: TextEncodingName, bomLength: number, wholeFile: boolean): { sample: string; complete: boolean } {
  const end = Math.min(head.length, bomLength + SAMPLE_BYTES);
  const complete = wholeFile && end === head.length;
  // stream: true holds back a character cut in half at the end instead of replacing it.
  return { sample: createTextDecoder(encoding).decode(head.subarray(bomLength, end), { stream: !complete }), complete };
}

/** The most common line ending outside quotes (quote parity is enough for a vote). */
export function sniffNewline(sample: string): '\n' | '\r\n' | '\r' {
  let lf = 0;
  let crlf = 0;
  let cr = 0;
  let inQuotes = false;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0x22) inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (c === 0x0a) lf++;
    else if (c === 0x0d) {
      if (sample.charCodeAt(i + 1) === 0x0a) {
        crlf++;
        i++;
      } else if (i + 1 < sample.length) cr++;
    }
  }
  if (crlf >= lf && crlf >= cr && crlf > 0) return '\r\n';
  if (cr > lf) return '\r';
  return '\n';
}

/** Complete rows of the sample (the last, possibly cut-off row is dropped unless the sample is the whole file). */
function sampleRows(sample: string, delimiter: Delimiter, newline: Dialect['newline'], complete: boolean): string[][] {
  const rows = new Papa.Parser({ delimiter, newline, quoteChar: '"' }).parse(sample, 0, !complete).data as string[][];
  const out: string[][] = [];
  for (const row of rows) {
    if (row.length === 1 && row[0] === '') continue;
    out.push(row);
    if (out.length === SAMPLE_ROWS) break;
  }
  return out;
}

/**
 * The delimiter that splits the sample rows most consistently. Candidates are ranked by: the
 * first row (usually the header) having the usual number of fields, the share of rows with that
 * number (in 5% steps, so a few ragged rows do not decide), then the number of fields. The first
 * criterion separates "a;b;c / 1,5;2,5;3" (semicolons, decimal commas) from a comma file.
 */
function sniffDelimiter(sample: string, newline: Dialect['newline'], complete: boolean): Delimiter {
  let best: Delimiter = ',';
  let bestKey: number[] = [-1, -1, -1];
  for (const delimiter of DELIMITERS) {
    const rows = sampleRows(sample, delimiter, newline, complete);
    if (rows.length === 0) continue;
    const frequency = new Map<number, number>();
    for (const row of rows) frequency.set(row.length, (frequency.get(row.length) ?? 0) + 1);
    let mode = 0;
    let modeCount = 0;
    for (const [fields, count] of frequency) {
      if (count > modeCount || (count === modeCount && fields > mode)) [mode, modeCount] = [fields, count];
    }
    if (mode < 2) continue;
    const key = [rows[0]!.length === mode ? 1 : 0, Math.floor((modeCount / rows.length) * 20), mode];
    if (compareKeys(key, bestKey) > 0) [best, bestKey] = [delimiter, key];
  }
  return best;
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

type ValueKind = 'empty' | 'number' | 'date' | 'text';
const NUMBER = /^[-+]?(?:\d+(?:[.,]\d+)?|[.,]\d+)(?:[eE][-+]?\d+)?%?$/;
const DATE = /^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function kindOf(value: string): ValueKind {
  const v = value.trim();
  if (v === '') return 'empty';
  if (NUMBER.test(v)) return 'number';
  if (DATE.test(v)) return 'date';
  return 'text';
}

/**
 * Header vote: a column whose first value is text while the values below are numbers or dates
 * says "header"; a first value of the same number/date kind as the values below says "no header".
 * Any header vote wins; with no votes either way (all-text columns) we assume a header, as most
 * extracts have one and the user can override. Known miss: a header made only of numbers
 * ("region,2019,2020") over numeric data reads as data.
 */
export function sniffHeader(rows: string[][]): boolean {
  if (rows.length < 2) return true;
  const first = rows[0]!;
  let header = 0;
  let data = 0;
  for (let j = 0; j < first.length; j++) {
    const counts = { number: 0, date: 0, text: 0 };
    let filled = 0;
    for (let r = 1; r < rows.length; r++) {
      const kind = kindOf(rows[r]![j] ?? '');
      if (kind === 'empty') continue;
      counts[kind]++;
      filled++;
    }
    if (filled === 0) continue;
    const below: ValueKind = counts.number >= 0.9 * filled ? 'number' : counts.date >= 0.9 * filled ? 'date' : 'text';
    const top = kindOf(first[j]!);
    if (below === 'text' || top === 'empty') continue;
    if (top === 'text') header++;
    else if (top === below) data++;
  }
  return header > 0 || data === 0;
}
