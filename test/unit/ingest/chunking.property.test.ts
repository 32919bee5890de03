// Property: any table, written with any quoting, delimiter, line ending and encoding, reads back
// exactly whatever the chunk sizes (down to 1 byte), and split into parts at row boundaries it
// reads back the same as whole, with merged statistics equal to the whole file's.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvChunkReader, ROW_START_STATE, findRowStart, mergeIngestStats, nextRowStart, scanRowState, type IngestStats } from '../../../shared/ingest/csv-chunk-reader';
import type { Delimiter, Dialect, TextEncodingName } from '../../../shared/ingest/dialect';
import { RepresentError } from '../../../shared/errors';
import { dialect, encode, readAll } from '../../fixtures/ingest/ingest-test-kit';

const SPECIAL = [',', ';', '\t', '|', '"', '\n', '\r', ' '];
const WINDOWS_1252_SAFE = ['a', 'Z', '0', 'é', '£', '€', '“', '”', '’', '\u00a0', ...SPECIAL];
const ANY_TEXT = [...WINDOWS_1252_SAFE, 'ʤ', '😀', '\u3000', '\ufeff', '中'];

interface Case {
  header: string[];
  rows: string[][];
  delimiter: Delimiter;
  newline: Dialect['newline'];
  encoding: TextEncodingName;
  bom: boolean;
  quoteAll: boolean[];
  finalNewline: boolean;
}

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    width: fc.integer({ min: 2, max: 5 }),
    encoding: fc.constantFrom<TextEncodingName>('utf-8', 'utf-16le', 'utf-16be', 'windows-1252'),
    delimiter: fc.constantFrom<Delimiter>(',', '\t', ';', '|'),
    newline: fc.constantFrom<Dialect['newline']>('\n', '\r\n', '\r'),
    bom: fc.boolean(),
    finalNewline: fc.boolean(),
  })
  .chain((shape) => {
    const unit = fc.constantFrom(...(shape.encoding === 'windows-1252' ? WINDOWS_1252_SAFE : ANY_TEXT));
    const field = fc.string({ unit, maxLength: 8 });
    return fc.record({
      header: fc.array(field, { minLength: shape.width, maxLength: shape.width }).map((names) => names.map((n, i) => `${i}:${n}`)),
      rows: fc.array(fc.array(field, { minLength: shape.width, maxLength: shape.width }), { minLength: 1, maxLength: 12 }),
      quoteAll: fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }),
      ...Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, fc.constant(v)])),
    }) as unknown as fc.Arbitrary<Case>;
  });

/** Writes the table: fields that need quotes get them, others at random; "" escapes a quote. */
function serialise(c: Case): string {
  let n = 0;
  const cell = (v: string) => {
    const must = v.includes(c.delimiter) || /["\r\n]/.test(v);
    return must || c.quoteAll[n++ % c.quoteAll.length] ? `"${v.replaceAll('"', '""')}"` : v;
  };
  const lines = [c.header, ...c.rows].map((r) => r.map(cell).join(c.delimiter));
  return lines.join(c.newline) + (c.finalNewline ? c.newline : '');
}

const caseDialect = (c: Case): Dialect =>
  dialect({ encoding: c.encoding, delimiter: c.delimiter, newline: c.newline, bomLength: c.bom ? (c.encoding === 'utf-8' ? 3 : c.encoding === 'windows-1252' ? 0 : 2) : 0 });

const chunkSizes = fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 6 });

describe('CsvChunkReader properties', () => {
  it('reads any table back exactly, in any chunk sizes', () => {
    fc.assert(
      fc.property(caseArb, chunkSizes, (c, sizes) => {
        const bytes = encode(serialise(c), c.encoding, c.bom && c.encoding !== 'windows-1252');
        const d = caseDialect(c);
        const whole = readAll(bytes, d);
        const pieces = readAll(bytes, d, sizes);
        expect(pieces.reader.columns).toEqual(c.header);
        expect(pieces.rows).toEqual(c.rows);
        expect(pieces.rows).toEqual(whole.rows);
        expect(pieces.reader.stats).toEqual({ ...whole.reader.stats, ragged: { tooFew: 0, tooMany: 0, firstRows: [] }, blankLines: 0 });
      }),
      { numRuns: 400 },
    );
  });

  /** Reads consecutive byte ranges as the workers do and merges what they report. */
  function readParts(bytes: Uint8Array, d: Dialect, cuts: number[], sizes: number[]): { rows: string[][]; stats: IngestStats; columns: string[] } {
    const bounds = [0, ...cuts, bytes.length];
    const rows: string[][] = [];
    let stats: IngestStats | undefined;
    let columns: string[] = [];
    for (let p = 0; p + 1 < bounds.length; p++) {
      const part = readAll(bytes.subarray(bounds[p], bounds[p + 1]), d, sizes, {
        isFirstPart: p === 0,
        columns: p === 0 ? undefined : columns,
        firstByteOffset: bounds[p],
      });
      if (p === 0) columns = part.reader.columns;
      rows.push(...part.rows);
      stats = stats ? mergeIngestStats(stats, part.reader.stats) : part.reader.stats;
    }
    return { rows, stats: stats!, columns };
  }

  const singleByteCase = caseArb.filter((c) => c.encoding === 'utf-8' || c.encoding === 'windows-1252');
  const targets = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 3 });

  it('reads the same split at exact row boundaries (scanRowState + findRowStart) as whole', () => {
    fc.assert(
      fc.property(singleByteCase, targets, chunkSizes, (c, fractions, sizes) => {
        const bytes = encode(serialise(c), c.encoding, c.bom && c.encoding === 'utf-8');
        const d = caseDialect(c);
        const cuts: number[] = [];
        for (const f of fractions.sort()) {
          const target = Math.max(d.bomLength, Math.floor(f * bytes.length));
          const state = scanRowState(bytes.subarray(d.bomLength, target), ROW_START_STATE, d);
          const cut = findRowStart(bytes, target, state, d);
          if (cut > (cuts.at(-1) ?? d.bomLength) && cut < bytes.length) cuts.push(cut);
        }
        const whole = readAll(bytes, d);
        const parts = readParts(bytes, d, cuts, sizes);
        expect(parts.columns).toEqual(whole.reader.columns);
        expect(parts.rows).toEqual(whole.rows);
        expect(parts.stats).toEqual(whole.reader.stats);
      }),
      { numRuns: 300 },
    );
  });

  it('a speculative cut (nextRowStart from an arbitrary byte) either reads the same or fails as unterminated-quote in a part before the last', () => {
    let misaligned = 0;
    fc.assert(
      fc.property(singleByteCase, targets, (c, fractions) => {
        const bytes = encode(serialise(c), c.encoding, c.bom && c.encoding === 'utf-8');
        const d = caseDialect(c);
        const cuts: number[] = [];
        for (const f of fractions.sort()) {
          const target = Math.floor(f * bytes.length);
          const at = nextRowStart(bytes.subarray(target), 0, false, d);
          if (at >= 0 && target + at > (cuts.at(-1) ?? 0) && target + at < bytes.length) cuts.push(target + at);
        }
        const whole = readAll(bytes, d);
        let parts;
        try {
          parts = readParts(bytes, d, cuts, [bytes.length]);
        } catch (e) {
          // Only acceptable failure: the first part that fails is not the last and ends inside
          // quotes; that is the signal the caller uses to redo the file as one part.
          expect(e).toBeInstanceOf(RepresentError);
          expect((e as RepresentError).code).toBe('unterminated-quote');
          expect(firstFailingPartIsMisaligned(bytes, d, cuts, whole.reader.columns)).toBe(true);
          misaligned++;
          return;
        }
        expect(parts.rows).toEqual(whole.rows);
        expect(parts.stats).toEqual(whole.reader.stats);
      }),
      { numRuns: 300 },
    );
    // Quoted line breaks are common in the generated tables, so some cuts must have been bad.
    expect(misaligned).toBeGreaterThan(0);
  });
});

/** Reads each part on its own, as workers do in parallel: the earliest part that fails must be a non-last part failing at end() with unterminated-quote. */
function firstFailingPartIsMisaligned(bytes: Uint8Array, d: Dialect, cuts: number[], columns: string[]): boolean {
  const bounds = [0, ...cuts, bytes.length];
  for (let p = 0; p + 1 < bounds.length; p++) {
    const reader = new CsvChunkReader(d, () => undefined, { file: 'x.csv', isFirstPart: p === 0, columns: p === 0 ? undefined : columns });
    try {
      reader.push(bytes.subarray(bounds[p], bounds[p + 1]));
      reader.end();
    } catch (e) {
      return p + 1 < bounds.length - 1 && (e as RepresentError).code === 'unterminated-quote';
    }
  }
  return false;
}
