// A push-based CSV reader: the caller feeds raw byte chunks (read with fs on the Node side, or
// from a File in the renderer), the reader decodes them, parses complete rows with papaparse and
// hands them over in batches, with every row exactly as wide as the header.
//
// Why not papaparse's own streaming: fed Buffers (what fs streams give), it decodes each chunk on
// its own (`chunk.toString(encoding)`), turning a multi-byte character split between chunks into
// two U+FFFD; it only knows UTF-8-style Node encodings, gives no byte offsets for errors, and exists
// only in Node. Its speed is close to this reader's with 64 KiB chunks and well below it with the
// 1 MiB chunks the profiling worker reads (test/bench/papaparse-paths.ts measures both).
//
// How a row that straddles two chunks is handled: we call papaparse's string parser (Papa.Parser,
// the engine under all of its modes) on `tail + text` with ignoreLastRow = true. It returns every
// row that ended inside that text and meta.cursor, the offset just after the last of them; the
// rest (one unfinished row) becomes the next tail. This is what papaparse's ChunkStreamer does,
// without its per-row overhead. It is exact, because papaparse never ends a row without seeing its
// newline, and cheap, because only one partial row is parsed twice. Cutting at the last newline
// first would need a second quote-aware scan of every chunk, and papaparse cannot resume a
// half-parsed row. When the new text has no newline at all (the middle of a long quoted field) it
// is appended to the tail without parsing, so a long field is not re-parsed chunk after chunk.
//
// Why each push is decoded and parsed in windows of DECODE_WINDOW_BYTES, with a batch per window:
// measured on the 2-vCPU build machine (test/bench/papaparse-paths.ts), parsing a 1 MiB chunk in
// one go ran at ~20–30 MiB per CPU-second against ~100–120 for 32–64 KiB windows. A 1 MiB string is a V8
// large object, and a batch of ~15,000 rows outlives the young-generation collector, so both land in
// the old generation and trigger full mark-compact collections; small windows and small batches die
// young. Collecting the windows' rows into one batch per push was as slow as not windowing at all.
import Papa from 'papaparse';
import { RepresentError } from '../errors';
import type { Dialect, TextEncodingName } from './dialect';
import { concatBytes, createTextDecoder, encodedLength, firstInvalidUtf8, type StreamDecoder } from './encoding';
import { generatedColumnNames, nameColumns } from './column-names';

export { quoteStateAfter, nextRowStart, scanRowState, findRowStart, isInsideQuotes, ROW_START_STATE } from './row-boundaries';
export type { RowScanState } from './row-boundaries';

export interface ReaderOptions {
  /** File label for messages. */
  file: string;
  /** true: skip the BOM and read the header row (if dialect.hasHeader). false: a later byte range of the same file, no BOM, no header. */
  isFirstPart: boolean;
  /** Required when !isFirstPart (the first part read the header). Without a header row, columns are column_1..column_N from the first row's width. */
  columns?: string[];
  /** Absolute file offset of the first byte pushed (for error locations). */
  firstByteOffset?: number;
  /** Default 1_048_576. A longer field, or unfinished quoted field, is an error, so a stray quote never makes the reader buffer the rest of the file. */
  maxFieldChars?: number;
  /** Default 16 × maxFieldChars. A longer unfinished row (a file with no line breaks) is an error for the same reason. */
  maxRowChars?: number;
}

export interface IngestStats {
  /** Data rows emitted (header excluded). */
  rows: number;
  /** Bytes consumed. */
  bytes: number;
  /** Fully empty lines skipped. */
  blankLines: number;
  /** firstRows: up to 10 data-row numbers (1-based, relative to this part). */
  ragged: { tooFew: number; tooMany: number; firstRows: number[] };
  /** Rows where a quote that seemed to close a quoted field was followed by other text; papaparse
   *  then keeps the quote as text and reads on to the next quote that is followed by a delimiter. */
  malformedQuoteRows: number;
}

const DEFAULT_MAX_FIELD_CHARS = 1_048_576;
/** 32 KiB of bytes decodes to at most 64 KiB of string (two bytes per character), well below
 *  V8's large-object threshold (128 KiB) even with a tail in front of it. */
const DECODE_WINDOW_BYTES = 32 * 1024;
const RAGGED_EXAMPLES = 10;
const EMPTY_BYTES = new Uint8Array(0);

export function emptyIngestStats(): IngestStats {
  return { rows: 0, bytes: 0, blankLines: 0, ragged: { tooFew: 0, tooMany: 0, firstRows: [] }, malformedQuoteRows: 0 };
}

/** b comes after a in the file: b's row numbers are shifted by a.rows; the first 10 overall are kept. */
export function mergeIngestStats(a: IngestStats, b: IngestStats): IngestStats {
  const firstRows = a.ragged.firstRows.slice(0, RAGGED_EXAMPLES);
  for (const row of b.ragged.firstRows) {
    if (firstRows.length >= RAGGED_EXAMPLES) break;
    firstRows.push(row + a.rows);
  }
  return {
    rows: a.rows + b.rows,
    bytes: a.bytes + b.bytes,
    blankLines: a.blankLines + b.blankLines,
    ragged: { tooFew: a.ragged.tooFew + b.ragged.tooFew, tooMany: a.ragged.tooMany + b.ragged.tooMany, firstRows },
    malformedQuoteRows: (a.malformedQuoteRows ?? 0) + (b.malformedQuoteRows ?? 0),
  };
}

interface PapaResult {
  data: string[][];
  errors: { code: string; row?: number; index?: number }[];
  meta: { cursor: number };
}

function isBlankRow(row: string[]): boolean {
  return row.length === 1 && row[0] === '';
}

export class CsvChunkReader {
  readonly stats: IngestStats = emptyIngestStats();
  readonly warnings: string[] = [];

  private readonly onRows: (rows: string[][]) => void;
  private readonly file: string;
  private readonly parser: Papa.Parser;
  private readonly decoder: StreamDecoder;
  private readonly encoding: TextEncodingName;
  /** The last character of the newline: no row can end in text without it. */
  private readonly rowEndChar: string;
  private readonly maxFieldChars: number;
  private readonly maxRowChars: number;

  private cols: string[] | null;
  private headerPending: boolean;
  /** Decoded text after the last complete row. */
  private tail = '';
  /** Tail length at its last size check: a long row is re-checked only as it grows. */
  private tailCheckedAt = 0;
  private bomBytesLeft: number;
  /** Absolute offset of the first byte given to the decoder (after any BOM). */
  private readonly decodeStart: number;
  /** Absolute offset just after the last byte given to the decoder. */
  private fedEnd: number;
  private charsDecoded = 0;
  private status: 'open' | 'ended' | 'failed' = 'open';

  constructor(dialect: Dialect, onRows: (rows: string[][]) => void, options: ReaderOptions) {
    this.onRows = onRows;
    this.file = options.file;
    this.encoding = dialect.encoding;
    if (!options.isFirstPart && !options.columns) {
      throw new RepresentError('bad-argument', 'A later part of a file needs the column names read by the first part.', {
        expected: 'options.columns when isFirstPart is false',
        found: 'no columns',
      });
    }
    this.cols = options.columns ? options.columns.slice() : null;
    this.headerPending = options.isFirstPart && dialect.hasHeader;
    this.maxFieldChars = options.maxFieldChars ?? DEFAULT_MAX_FIELD_CHARS;
    this.maxRowChars = options.maxRowChars ?? 16 * this.maxFieldChars;
    this.bomBytesLeft = options.isFirstPart ? dialect.bomLength : 0;
    this.decodeStart = (options.firstByteOffset ?? 0) + this.bomBytesLeft;
    this.fedEnd = this.decodeStart;
    this.parser = new Papa.Parser({ delimiter: dialect.delimiter, newline: dialect.newline, quoteChar: dialect.quoteChar });
    // fatal only for UTF-8: a bad byte there means the wrong encoding was chosen, and we say where.
    // Windows-1252 maps every byte; UTF-16 replaces a lone surrogate with U+FFFD.
    this.decoder = createTextDecoder(dialect.encoding, dialect.encoding === 'utf-8');
    this.rowEndChar = dialect.newline.charAt(dialect.newline.length - 1);
  }

  /** Known after the header (or, without one, the first row) has been parsed; [] before. */
  get columns(): string[] {
    return this.cols ?? [];
  }

  /**
   * Decodes the chunk and parses every row it completes, calling onRows with them in batches of at
   * most DECODE_WINDOW_BYTES' worth (never with an empty batch). Keeps no reference to `chunk`.
   */
  push(chunk: Uint8Array): void {
    this.assertOpen();
    this.stats.bytes += chunk.length;
    let bytes = chunk;
    if (this.bomBytesLeft > 0) {
      const skip = Math.min(this.bomBytesLeft, bytes.length);
      this.bomBytesLeft -= skip;
      bytes = bytes.subarray(skip);
    }
    this.run(() => {
      for (let at = 0; at < bytes.length; at += DECODE_WINDOW_BYTES) {
        this.consume(this.decode(bytes.subarray(at, at + DECODE_WINDOW_BYTES), true), false);
      }
    });
  }

  /** Parses what is left. Throws 'unterminated-quote' when the input ends inside a quoted field. */
  end(): void {
    this.assertOpen();
    this.run(() => this.consume(this.decode(EMPTY_BYTES, false), true));
    this.status = 'ended';
  }

  private assertOpen(): void {
    if (this.status !== 'open') {
      throw new RepresentError('internal', `The CSV reader was used after it had ${this.status === 'ended' ? 'ended' : 'failed'}.`, { location: { file: this.file } });
    }
  }

  private run(step: () => void): void {
    try {
      step();
    } catch (e) {
      this.status = 'failed';
      throw e;
    }
  }

  private decode(bytes: Uint8Array, stream: boolean): string {
    let text: string;
    try {
      text = this.decoder.decode(bytes, { stream });
    } catch {
      throw this.undecodable(bytes, stream);
    }
    this.fedEnd += bytes.length;
    this.charsDecoded += text.length;
    return text;
  }

  private consume(text: string, final: boolean): void {
    const input = this.tail.length === 0 ? text : this.tail + text;
    if (!final && text.indexOf(this.rowEndChar) === -1) {
      // No newline in the new text, so no row can have ended in it.
      this.tail = input;
      this.checkTail();
      return;
    }
    this.tail = '';
    if (input.length === 0) return;
    const result = this.parser.parse(input, 0, !final) as PapaResult;
    if (final) {
      const missing = result.errors.find((e) => e.code === 'MissingQuotes');
      if (missing) throw this.unterminatedQuote(input, result.data, missing);
    } else if (result.meta.cursor < input.length) {
      this.tail = input.substring(result.meta.cursor);
    }
    if (result.meta.cursor > 0) this.tailCheckedAt = 0; // a row ended: the tail is a new row
    this.accept(result.data, result.errors, input.length > this.maxFieldChars);
    if (!final) this.checkTail();
  }

  /** Drops blank lines, takes the header, makes every row columns.length wide, and emits the batch. */
  private accept(data: string[][], errors: PapaResult['errors'], checkFieldSizes: boolean): void {
    if (errors.length > 0) this.countMalformedQuotes(errors, data.length);
    let i = 0;
    if (this.headerPending || this.cols === null) {
      while (i < data.length && isBlankRow(data[i]!)) i++;
      this.stats.blankLines += i;
      if (i === data.length) return;
      if (this.headerPending) {
        if (this.cols === null) {
          const named = nameColumns(data[i]!);
          this.cols = named.columns;
          this.warnings.push(...named.warnings);
        }
        this.headerPending = false;
        i++;
      } else {
        this.cols = generatedColumnNames(data[i]!.length);
      }
    }
    const width = this.cols!.length;
    const maxField = this.maxFieldChars;
    const stats = this.stats;
    const ragged = stats.ragged;
    let kept = 0;
    for (; i < data.length; i++) {
      const row = data[i]!;
      const length = row.length;
      if (length === 1 && row[0] === '') {
        stats.blankLines++;
        continue;
      }
      const rowNumber = stats.rows + kept + 1;
      if (checkFieldSizes) {
        for (let k = 0; k < length; k++) if (row[k]!.length > maxField) throw this.fieldTooLarge(rowNumber, k, undefined);
      }
      if (length !== width) {
        if (length < width) {
          ragged.tooFew++;
          for (let k = length; k < width; k++) row.push('');
        } else {
          ragged.tooMany++;
          row.length = width;
        }
        if (ragged.firstRows.length < RAGGED_EXAMPLES) ragged.firstRows.push(rowNumber);
      }
      data[kept++] = row;
    }
    data.length = kept;
    stats.rows += kept;
    if (kept > 0) this.onRows(data);
  }

  /** papaparse reports each malformed closing quote; count the rows that have any (only rows it emitted). */
  private countMalformedQuotes(errors: PapaResult['errors'], emittedRows: number): void {
    let lastRow = -1;
    for (const e of errors) {
      if (e.code !== 'InvalidQuotes' || e.row === undefined || e.row >= emittedRows || e.row === lastRow) continue;
      lastRow = e.row;
      this.stats.malformedQuoteRows++;
    }
  }

  /**
   * A long tail is one unfinished row: find out whether a field in it is over the limit. Checked
   * again only after the row has grown by a quarter of the limit, so a legitimately long row of
   * many fields is not re-parsed for every window.
   */
  private checkTail(): void {
    const length = this.tail.length;
    if (length <= this.maxFieldChars || length < this.tailCheckedAt + (this.maxFieldChars >> 2)) return;
    this.tailCheckedAt = length;
    const result = this.parser.parse(this.tail, 0, false) as PapaResult;
    const row = result.data[0] ?? [];
    const open = result.errors.find((e) => e.code === 'MissingQuotes');
    for (let k = 0; k < row.length; k++) {
      if (row[k]!.length <= this.maxFieldChars) continue;
      // The unfinished quoted field is the last one; papaparse's error index is just after its opening quote.
      const quoteAt = open && k === row.length - 1 && open.index !== undefined ? open.index - 1 : 0;
      throw this.fieldTooLarge(this.pendingRowNumber(), k, this.offsetInTail(quoteAt));
    }
    if (this.tail.length > this.maxRowChars) {
      throw new RepresentError('field-too-large', `A row is longer than ${formatCount(this.maxRowChars)} characters, the most Represent reads in one row. The file may have no line breaks, or line breaks Represent did not recognise.`, {
        expected: `rows of at most ${formatCount(this.maxRowChars)} characters`,
        found: `an unfinished row of more than ${formatCount(this.maxRowChars)} characters`,
        location: { file: this.file, row: this.pendingRowNumber(), byteOffset: this.offsetInTail(0) },
      });
    }
  }

  /** The data-row number of the row in the tail (0 while it is the header). */
  private pendingRowNumber(): number {
    return this.headerPending ? 0 : this.stats.rows + 1;
  }

  /** Absolute byte offset just after the last decoded character. */
  private decodedEnd(): number {
    if (this.encoding === 'utf-8') return this.fedEnd - this.decoder.pendingBytes.length;
    if (this.encoding === 'windows-1252') return this.decodeStart + this.charsDecoded;
    return this.decodeStart + 2 * this.charsDecoded;
  }

  /** Absolute byte offset of character `index` of the tail. */
  private offsetInTail(index: number): number {
    const tailStart = this.decodedEnd() - encodedLength(this.tail, this.encoding);
    return tailStart + encodedLength(this.tail.slice(0, index), this.encoding);
  }

  private columnName(index: number): string {
    return this.cols?.[index] ?? `column_${index + 1}`;
  }

  private fieldTooLarge(row: number, fieldIndex: number, byteOffset: number | undefined): RepresentError {
    const max = formatCount(this.maxFieldChars);
    return new RepresentError(
      'field-too-large',
      `A field is longer than ${max} characters, the most Represent reads in one field. Usually a quote was opened and not closed, so the lines after it were read as one value.`,
      {
        expected: `fields of at most ${max} characters`,
        found: `a field of more than ${max} characters`,
        location: { file: this.file, row, column: this.columnName(fieldIndex), byteOffset },
      },
    );
  }

  private unterminatedQuote(input: string, data: string[][], missing: PapaResult['errors'][number]): RepresentError {
    // Rows before the broken one (papaparse's error row is its index in `data`).
    const at = missing.row ?? data.length - 1;
    let before = 0;
    let headerPending = this.headerPending;
    for (let r = 0; r < at; r++) {
      if (isBlankRow(data[r]!)) continue;
      if (headerPending) headerPending = false;
      else before++;
    }
    const fields = data[at]?.length ?? 1;
    const inputStart = this.decodedEnd() - encodedLength(input, this.encoding);
    const quoteIndex = (missing.index ?? 1) - 1;
    return new RepresentError('unterminated-quote', 'A quoted field is never closed: the file ends inside quotes. A quote is probably missing or stray in that field.', {
      expected: 'a closing quote (") before the end of the file',
      found: 'the end of the file inside a quoted field',
      location: {
        file: this.file,
        row: headerPending ? 0 : this.stats.rows + before + 1,
        column: headerPending ? `column_${fields}` : this.columnName(fields - 1),
        byteOffset: inputStart + encodedLength(input.slice(0, quoteIndex), this.encoding),
      },
    });
  }

  private undecodable(bytes: Uint8Array, stream: boolean): RepresentError {
    // The decoder still holds the bytes it kept back before this call.
    const pending = this.decoder.pendingBytes;
    const combined = concatBytes(pending, bytes);
    const bad = Math.max(0, firstInvalidUtf8(combined, stream));
    const byteOffset = this.fedEnd - pending.length + bad;
    const textBefore = this.tail + createTextDecoder('utf-8').decode(combined.subarray(0, bad), { stream: false });
    return new RepresentError(
      'undecodable-bytes',
      'The file has bytes that are not valid UTF-8 text. If it was saved by Excel or an older system, open it again with the Windows-1252 encoding.',
      {
        expected: `UTF-8 text (the encoding found at the start of the file)`,
        found: 'a byte sequence that is not valid UTF-8',
        location: { file: this.file, row: this.rowNumberAtEnd(textBefore), byteOffset },
      },
    );
  }

  /** Data-row number of the row that `textBefore` (unparsed text from the last row start) ends in. */
  private rowNumberAtEnd(textBefore: string): number {
    const rows = (this.parser.parse(textBefore, 0, true) as PapaResult).data;
    let headerPending = this.headerPending;
    let complete = 0;
    for (const row of rows) {
      if (isBlankRow(row)) continue;
      if (headerPending) headerPending = false;
      else complete++;
    }
    return headerPending ? 0 : this.stats.rows + complete + 1;
  }
}

function formatCount(n: number): string {
  return n.toLocaleString('en-GB');
}
