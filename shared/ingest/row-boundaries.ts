// Finds row boundaries in raw bytes so a file can be split into byte ranges for parallel workers.
//
// The boundaries must be exactly the ones papaparse would find reading the whole file, or the
// profile would depend on the number of workers. For well-formed CSV a quote-parity count would
// do, but real extracts carry stray quotes (5'11" heights, "text"junk), and papaparse treats them
// in its own way: a quote only opens a field at the start of the field; a quote inside a quoted
// field closes it only when followed by the delimiter or a newline (optionally after whitespace as
// String.prototype.trim sees it); otherwise the field goes on. This scanner is a byte-level state
// machine replaying those rules (papaparse 5.7.1, Parser.parse), so it agrees on malformed files
// too; test/unit/ingest/row-boundaries.test.ts checks that against papaparse on random input.
//
// Only for UTF-8 and Windows-1252, where quote, delimiter and newline are single bytes that never
// occur inside a multi-byte character. UTF-16 files are read as one part.
import { RepresentError } from '../errors';
import type { Dialect } from './dialect';

/** Scanner state at a byte position: opaque, carry it from one chunk to the next. */
export type RowScanState = number;

const ROW_START = 0; // at the start of a row
const FIELD_START = 1; // just after a delimiter
const UNQUOTED = 2; // inside an unquoted field
const UNQUOTED_CR = 3; // CRLF files: just after a '\r' outside quotes
const QUOTED = 4; // inside a quoted field
const QUOTE_SEEN = 5; // inside a quoted field, just after a quote that may close it
const AFTER_QUOTE = 6; // after a possibly-closing quote and whitespace
const AFTER_QUOTE_CR = 7; // CRLF files: as AFTER_QUOTE, the last byte was '\r'
const AFTER_QUOTE_UTF8 = 8; // as AFTER_QUOTE, inside a multi-byte character that may be whitespace
// AFTER_QUOTE_UTF8 also carries the bytes still expected (bits 4–5) and the partial code point (bits 8+).

/** The state at the very start of a file (after any byte-order mark) or of a row. */
export const ROW_START_STATE: RowScanState = ROW_START;

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const NEWLINE_LF = 0;
const NEWLINE_CRLF = 1;
const NEWLINE_CR = 2;

interface ByteDialect {
  delimiter: number;
  newline: 0 | 1 | 2;
  utf8: boolean;
}

function byteDialect(dialect: Dialect): ByteDialect {
  if (dialect.encoding !== 'utf-8' && dialect.encoding !== 'windows-1252') {
    throw new RepresentError('bad-argument', 'Row boundaries can only be found in single-byte or UTF-8 files; read UTF-16 files as one part.', {
      expected: 'a UTF-8 or Windows-1252 dialect',
      found: `a ${dialect.encoding} dialect`,
    });
  }
  const newline = dialect.newline === '\n' ? NEWLINE_LF : dialect.newline === '\r\n' ? NEWLINE_CRLF : NEWLINE_CR;
  return { delimiter: dialect.delimiter.charCodeAt(0), newline, utf8: dialect.encoding === 'utf-8' };
}

const whitespaceCache = new Map<number, boolean>();
/** papaparse uses String.prototype.trim, so ask the engine rather than keep a list of our own. */
function isJsWhitespace(codePoint: number): boolean {
  let ws = whitespaceCache.get(codePoint);
  if (ws === undefined) {
    ws = String.fromCodePoint(codePoint).trim() === '';
    whitespaceCache.set(codePoint, ws);
  }
  return ws;
}

/** Next state for byte `b` outside quotes (also after a field start that is not a quote). */
function unquoted(b: number, d: ByteDialect): number {
  if (b === d.delimiter) return FIELD_START;
  if (b === LF) return d.newline === NEWLINE_LF ? ROW_START : UNQUOTED;
  if (b === CR) return d.newline === NEWLINE_CR ? ROW_START : d.newline === NEWLINE_CRLF ? UNQUOTED_CR : UNQUOTED;
  return UNQUOTED;
}

/** Next state for a non-quote byte after a quote that may close the field. */
function afterQuote(b: number, d: ByteDialect): number {
  if (b === d.delimiter) return FIELD_START;
  if (b === LF && d.newline === NEWLINE_LF) return ROW_START;
  if (b === CR) {
    if (d.newline === NEWLINE_CR) return ROW_START;
    if (d.newline === NEWLINE_CRLF) return AFTER_QUOTE_CR;
    return AFTER_QUOTE;
  }
  if (b === 0x20 || (b >= 0x09 && b <= 0x0d)) return AFTER_QUOTE;
  if (b < 0x80) return QUOTED; // other text after the quote: papaparse keeps the field open
  if (!d.utf8) return b === 0xa0 ? AFTER_QUOTE : QUOTED; // Windows-1252 0xA0 is a no-break space
  if (b >= 0xc2 && b <= 0xdf) return AFTER_QUOTE_UTF8 | (1 << 4) | ((b & 0x1f) << 8);
  if (b >= 0xe0 && b <= 0xef) return AFTER_QUOTE_UTF8 | (2 << 4) | ((b & 0x0f) << 8);
  if (b >= 0xf0 && b <= 0xf4) return AFTER_QUOTE_UTF8 | (3 << 4) | ((b & 0x07) << 8);
  return QUOTED;
}

function continueUtf8(s: number, b: number): number {
  if ((b & 0xc0) !== 0x80) return QUOTED; // invalid UTF-8; the reader reports it
  const remaining = ((s >> 4) & 3) - 1;
  const codePoint = ((s >>> 8) << 6) | (b & 0x3f);
  if (remaining > 0) return AFTER_QUOTE_UTF8 | (remaining << 4) | (codePoint << 8);
  return isJsWhitespace(codePoint) ? AFTER_QUOTE : QUOTED;
}

/** Runs the state machine over bytes[from…]; stops just after a row ends when `stopAtRowStart`. */
function scan(bytes: Uint8Array, from: number, state: number, d: ByteDialect, stopAtRowStart: boolean): { state: number; stoppedAt: number } {
  let s = state;
  let i = from;
  const n = bytes.length;
  while (i < n) {
    const kind = s & 15;
    if (kind === QUOTED) {
      // Inside quotes only a quote matters: let the native search skip the field's content.
      const q = bytes.indexOf(QUOTE, i);
      if (q === -1) return { state: QUOTED, stoppedAt: -1 };
      s = QUOTE_SEEN;
      i = q + 1;
      continue;
    }
    const b = bytes[i]!;
    i++;
    switch (kind) {
      case ROW_START:
      case FIELD_START:
        s = b === QUOTE ? QUOTED : unquoted(b, d);
        break;
      case UNQUOTED:
        s = unquoted(b, d);
        break;
      case UNQUOTED_CR:
        s = b === LF ? ROW_START : unquoted(b, d);
        break;
      case QUOTE_SEEN:
        s = b === QUOTE ? QUOTED : afterQuote(b, d); // "" is an escaped quote
        break;
      case AFTER_QUOTE_CR:
        s = b === LF ? ROW_START : b === QUOTE ? QUOTE_SEEN : afterQuote(b, d);
        break;
      case AFTER_QUOTE:
        s = b === QUOTE ? QUOTE_SEEN : afterQuote(b, d);
        break;
      default:
        s = continueUtf8(s, b);
    }
    if (stopAtRowStart && s === ROW_START) return { state: s, stoppedAt: i };
  }
  return { state: s, stoppedAt: -1 };
}

/** The exact scanner state after `bytes`, given the state before them. */
export function scanRowState(bytes: Uint8Array, state: RowScanState, dialect: Dialect): RowScanState {
  return scan(bytes, 0, state, byteDialect(dialect), false).state;
}

/**
 * First offset >= from where a row starts, given the exact state at `from` (from scanRowState),
 * or -1 when no row ends in the rest of `bytes`. Returns `from` itself when a row starts there.
 */
export function findRowStart(bytes: Uint8Array, from: number, stateAtFrom: RowScanState, dialect: Dialect): number {
  if (stateAtFrom === ROW_START) return from;
  return scan(bytes, from, stateAtFrom, byteDialect(dialect), true).stoppedAt;
}

/** Whether the state is inside a quoted field that has not (yet) been closed. */
export function isInsideQuotes(state: RowScanState): boolean {
  return (state & 15) === QUOTED;
}

/**
 * Quote state at the end of `bytes`, given whether they start inside a quoted field.
 * `false` means "at a row or field start". Exact for well-formed CSV; with stray quotes the one
 * boolean cannot carry what papaparse does next, so chain scanRowState instead when scanning a file
 * chunk by chunk.
 */
export function quoteStateAfter(bytes: Uint8Array, startsInQuote: boolean, dialect: Dialect): boolean {
  return isInsideQuotes(scanRowState(bytes, startsInQuote ? QUOTED : ROW_START, dialect));
}

/**
 * First offset >= from that starts a new row (just after a newline outside quotes), or -1.
 * The state at `from` is taken from `startsInQuote` and the byte before `from`. Same caveat as
 * quoteStateAfter; findRowStart is the exact form.
 */
export function nextRowStart(bytes: Uint8Array, from: number, startsInQuote: boolean, dialect: Dialect): number {
  const d = byteDialect(dialect);
  let state = QUOTED;
  if (!startsInQuote) {
    const prev = from > 0 ? bytes[from - 1] : undefined;
    if (prev === undefined) state = FIELD_START; // no byte before: a field starts here, a row may not
    else if (prev === d.delimiter) state = FIELD_START;
    // Outside quotes just after a quote: it closed a field, or it is the first half of a "" pair
    // (quote parity cannot tell); either way a quote that may close comes next.
    else if (prev === QUOTE) state = QUOTE_SEEN;
    else if (d.newline === NEWLINE_LF && prev === LF) state = ROW_START;
    else if (d.newline === NEWLINE_CR && prev === CR) state = ROW_START;
    else if (d.newline === NEWLINE_CRLF && prev === LF && from >= 2 && bytes[from - 2] === CR) state = ROW_START;
    else if (d.newline === NEWLINE_CRLF && prev === CR) state = UNQUOTED_CR;
    else state = UNQUOTED;
  }
  if (state === ROW_START) return from;
  return scan(bytes, from, state, d, true).stoppedAt;
}
