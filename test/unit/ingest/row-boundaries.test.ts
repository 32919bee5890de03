// The byte scanner must find exactly the row starts papaparse finds reading the whole text,
// including in malformed text (stray quotes, text after a closing quote, Unicode spaces after a
// closing quote), with its state carried across arbitrary chunk boundaries.
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  ROW_START_STATE,
  findRowStart,
  isInsideQuotes,
  nextRowStart,
  quoteStateAfter,
  scanRowState,
} from '../../../shared/ingest/row-boundaries';
import type { Delimiter, Dialect } from '../../../shared/ingest/dialect';
import { RepresentError } from '../../../shared/errors';
import { chunked, dialect, encode, thrown } from '../../fixtures/ingest/ingest-test-kit';

/** Byte offsets where papaparse starts a row when it parses the whole text (0 included). */
function papaRowStarts(text: string, d: Dialect): number[] {
  const cursors = new Set<number>([0]);
  // A sentinel row after the text, so a row that ends with a newline at the very end is seen
  // ending there (and a quote at the very end is not mistaken for one closing at end of input).
  const input = text + 'Z';
  new Papa.Parser({
    delimiter: d.delimiter,
    newline: d.newline,
    step: (r: { meta: { cursor: number } }) => {
      if (r.meta.cursor <= text.length) cursors.add(r.meta.cursor);
    },
  }).parse(input, 0, false);
  const bytes = [...cursors].sort((a, b) => a - b).map((c) => encode(text.slice(0, c), d.encoding).length);
  return bytes;
}

const unit = (encoding: Dialect['encoding']) =>
  fc.constantFrom(...['a', 'b', ',', '\t', '"', '"', '"', '\n', '\r', ' ', '\u00a0', 'é', ...(encoding === 'utf-8' ? ['\u3000', '\u2028', '😀', '\ufeff'] : [])]);

const caseArb = fc
  .record({
    encoding: fc.constantFrom<Dialect['encoding']>('utf-8', 'windows-1252'),
    delimiter: fc.constantFrom<Delimiter>(',', '\t'),
    newline: fc.constantFrom<Dialect['newline']>('\n', '\r\n', '\r'),
  })
  .chain((shape) =>
    fc.record({
      d: fc.constant(dialect(shape)),
      text: fc.string({ unit: unit(shape.encoding), maxLength: 60 }),
      sizes: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 4 }),
      target: fc.double({ min: 0, max: 1, noNaN: true }),
    }),
  );

/** The state at `offset`, scanned in chunks of the given sizes so that it crosses chunk boundaries. */
function stateAt(bytes: Uint8Array, offset: number, sizes: number[], d: Dialect): number {
  let state = ROW_START_STATE;
  for (const chunk of chunked(bytes.subarray(0, offset), sizes)) state = scanRowState(chunk, state, d);
  return state;
}

describe('row boundaries agree with papaparse', () => {
  it('findRowStart returns papaparse’s next row start from any offset, with state carried across any chunking', () => {
    fc.assert(
      fc.property(caseArb, ({ d, text, sizes, target }) => {
        const bytes = encode(text, d.encoding);
        const starts = papaRowStarts(text, d);
        const t = Math.floor(target * bytes.length);
        const found = findRowStart(bytes, t, stateAt(bytes, t, sizes, d), d);
        expect(found).toBe(starts.find((s) => s >= t) ?? -1);
      }),
      { numRuns: 3000 },
    );
  });

  it('finds every row start when walked one byte at a time', () => {
    fc.assert(
      fc.property(caseArb, ({ d, text }) => {
        const bytes = encode(text, d.encoding);
        const seen = [0];
        let state = ROW_START_STATE;
        for (let i = 0; i < bytes.length; i++) {
          state = scanRowState(bytes.subarray(i, i + 1), state, d);
          if (state === ROW_START_STATE) seen.push(i + 1);
        }
        expect(seen).toEqual(papaRowStarts(text, d));
      }),
      { numRuns: 2000 },
    );
  });

  // Offsets are bytes; the row start at the end of the text is included. The comments say
  // where quote parity would go wrong.
  it.each([
    ['a stray quote inside an unquoted field is text (parity: opens a quote)', '5\'11",x\ny,z\n', [0, 8, 12]],
    ['text after a closing quote keeps the field open (parity: row ends at 7)', '"a"b,c\nd",e\nf\n', [0, 12, 14]],
    ['spaces between a closing quote and the delimiter are allowed', '"a"  ,b\nc\n', [0, 8, 10]],
    ['a no-break space (2 bytes) after a closing quote counts as a space', '"a"\u00a0\nc\n', [0, 6, 8]],
    ['an ideographic space (3 bytes) too', '"a"\u3000\nc\n', [0, 7, 9]],
    ['"" is an escaped quote, not a close', '"a""\nb",c\nd\n', [0, 10, 12]],
  ])('%s', (_label, text, expected) => {
    const d = dialect();
    expect(papaRowStarts(text, d)).toEqual(expected);
    const bytes = encode(text);
    const found: number[] = [];
    for (let at = 0; at !== -1; ) {
      found.push(at);
      if (at >= bytes.length) break;
      at = findRowStart(bytes, at + 1, scanRowState(bytes.subarray(at, at + 1), ROW_START_STATE, d), d);
    }
    expect(found).toEqual(expected);
  });
});

describe('quoteStateAfter / nextRowStart (the boolean forms)', () => {
  // Well-formed CSV: every quote opens a field at its start, is doubled inside it, or closes it.
  const wellFormed = fc
    .array(fc.array(fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', ' '), maxLength: 6 }), { minLength: 2, maxLength: 3 }), { minLength: 1, maxLength: 8 })
    .map((rows) => rows.map((r) => r.map((v) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)).join(',')).join('\n') + '\n');

  it('chained over chunks, agree with quote parity on well-formed CSV', () => {
    fc.assert(
      fc.property(wellFormed, fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 3 }), (text, sizes) => {
        const bytes = encode(text);
        const d = dialect();
        let inQuote = false;
        let parity = false;
        for (const chunk of chunked(bytes, sizes)) {
          inQuote = quoteStateAfter(chunk, inQuote, d);
          for (const b of chunk) if (b === 0x22) parity = !parity;
          expect(inQuote).toBe(parity);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('nextRowStart from a known quote state finds the next row start of well-formed CSV', () => {
    fc.assert(
      fc.property(wellFormed, fc.double({ min: 0, max: 1, noNaN: true }), (text, f) => {
        const bytes = encode(text);
        const d = dialect();
        const t = Math.floor(f * bytes.length);
        const inQuote = quoteStateAfter(bytes.subarray(0, t), false, d);
        const starts = papaRowStarts(text, d);
        // Offset 0 has no byte before it, so nextRowStart never calls it a row start.
        expect(nextRowStart(bytes, t, inQuote, d)).toBe(starts.find((s) => s >= t && s > 0) ?? -1);
      }),
      { numRuns: 3000 },
    );
  });

  it('nextRowStart from offset 0 of a window never returns 0 (no byte before it says a row starts there)', () => {
    expect(nextRowStart(encode('x\ny\n'), 0, false, dialect())).toBe(2);
    expect(nextRowStart(encode('a\r\nb\r\n'), 0, false, dialect({ newline: '\r\n' }))).toBe(3);
    expect(nextRowStart(encode('a\r\nb'), 2, false, dialect({ newline: '\r\n' }))).toBe(3);
    expect(nextRowStart(encode('a\r\nb'), 3, false, dialect({ newline: '\r\n' }))).toBe(3);
    expect(nextRowStart(encode('"a\nb"\nc'), 0, false, dialect())).toBe(6);
    expect(nextRowStart(encode('a\nb"\nc'), 0, true, dialect())).toBe(5);
    expect(nextRowStart(encode('abc'), 0, false, dialect())).toBe(-1);
    // Cut between the two quotes of an escaped "" inside a quoted field: parity says outside.
    expect(nextRowStart(encode('"a""\nb"\nc'), 3, false, dialect())).toBe(8);
  });

  it('isInsideQuotes reports an open quoted field', () => {
    const d = dialect();
    expect(isInsideQuotes(scanRowState(encode('a,"b\n'), ROW_START_STATE, d))).toBe(true);
    expect(isInsideQuotes(scanRowState(encode('a,"b"'), ROW_START_STATE, d))).toBe(false);
  });

  it('refuses UTF-16 dialects, where quote bytes are ambiguous', () => {
    const e = thrown(() => nextRowStart(encode('a\n'), 0, false, dialect({ encoding: 'utf-16le' })));
    expect(e).toBeInstanceOf(RepresentError);
    expect((e as RepresentError).code).toBe('bad-argument');
  });
});
