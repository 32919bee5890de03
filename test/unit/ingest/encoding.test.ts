import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  WINDOWS_1252_HIGH,
  createTextDecoder,
  detectBom,
  encodedLength,
  firstInvalidUtf8,
  guessBomlessUtf16,
  incompleteUtf8Tail,
  looksLikeWindows1252,
} from '../../../shared/ingest/encoding';
import { chunked, encode, fixture } from '../../fixtures/ingest/ingest-test-kit';

/** Bytes biased towards UTF-8 lead and continuation bytes, so both valid and subtly invalid sequences occur. */
const utf8ishBytes = fc
  .array(
    fc.oneof(
      fc.integer({ min: 0x20, max: 0x7e }),
      fc.integer({ min: 0x80, max: 0xbf }),
      fc.integer({ min: 0xc0, max: 0xff }),
      fc.constantFrom(0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80, 0xed, 0xa0, 0xf4, 0x90),
    ),
    { maxLength: 24 },
  )
  .map((a) => Uint8Array.from(a));

const fatalDecodes = (bytes: Uint8Array, stream: boolean) => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream });
    return true;
  } catch {
    return false;
  }
};

describe('firstInvalidUtf8 matches TextDecoder (fatal)', () => {
  it('is -1 exactly when the fatal decoder accepts the bytes, and otherwise points at the first bad sequence', () => {
    fc.assert(
      fc.property(utf8ishBytes, fc.boolean(), (bytes, stream) => {
        const bad = firstInvalidUtf8(bytes, stream);
        expect(bad === -1).toBe(fatalDecodes(bytes, stream));
        if (bad !== -1) {
          expect(fatalDecodes(bytes.subarray(0, bad), false)).toBe(true); // everything before it is fine
          expect(fatalDecodes(bytes.subarray(bad), stream)).toBe(false); // and from it on is not
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('accepts real text in every script', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(firstInvalidUtf8(new TextEncoder().encode(s), false)).toBe(-1);
      }),
    );
  });
});

describe('createTextDecoder', () => {
  it('decodes any text cut into any chunks, in each encoding, and holds back only an unfinished UTF-8 character', () => {
    const encodings = ['utf-8', 'utf-16le', 'utf-16be'] as const;
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.constantFrom(...encodings), fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 4 }), (s, encoding, sizes) => {
        const decoder = createTextDecoder(encoding, true);
        let out = '';
        let fed = 0;
        for (const chunk of chunked(encode(s, encoding), sizes)) {
          out += decoder.decode(chunk, { stream: true });
          fed += chunk.length;
          if (encoding === 'utf-8') expect(encodedLength(out, 'utf-8')).toBe(fed - decoder.pendingBytes.length);
        }
        out += decoder.decode(new Uint8Array(0), { stream: false });
        expect(out).toBe(s);
        expect(decoder.pendingBytes.length).toBe(0);
      }),
      { numRuns: 1000 },
    );
  });

  it('throws at once on a byte that can never start a UTF-8 character, and at the end on an unfinished one', () => {
    expect(() => createTextDecoder('utf-8', true).decode(Uint8Array.of(0x61, 0xff), { stream: true })).toThrow();
    const d = createTextDecoder('utf-8', true);
    expect(d.decode(Uint8Array.of(0x61, 0xe2, 0x82), { stream: true })).toBe('a');
    expect(d.pendingBytes).toEqual(Uint8Array.of(0xe2, 0x82));
    expect(() => d.decode(new Uint8Array(0), { stream: false })).toThrow();
  });
});

describe('incompleteUtf8Tail', () => {
  it('counts the bytes of a character cut off at the end', () => {
    const euro = encode('€'); // E2 82 AC
    expect(incompleteUtf8Tail(encode('ab'))).toBe(0);
    expect(incompleteUtf8Tail(euro)).toBe(0);
    expect(incompleteUtf8Tail(euro.subarray(0, 1))).toBe(1);
    expect(incompleteUtf8Tail(euro.subarray(0, 2))).toBe(2);
    expect(incompleteUtf8Tail(encode('a😀').subarray(0, 4))).toBe(3);
    expect(incompleteUtf8Tail(encode('😀'))).toBe(0);
  });

  it('agrees with what a streaming decoder holds back', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1 }), fc.nat(), (s, k) => {
        const bytes = new TextEncoder().encode(s);
        const cut = bytes.subarray(0, k % (bytes.length + 1));
        const held = incompleteUtf8Tail(cut.subarray(Math.max(0, cut.length - 4)));
        const decoded = new TextDecoder().decode(cut, { stream: true });
        expect(new TextEncoder().encode(decoded).length).toBe(cut.length - held);
      }),
    );
  });
});

describe('encodedLength', () => {
  it('is the UTF-8 byte length of any well-formed string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(encodedLength(s, 'utf-8')).toBe(new TextEncoder().encode(s).length);
        expect(encodedLength(s, 'utf-16le')).toBe(s.length * 2);
      }),
    );
  });
});

describe('Windows-1252', () => {
  it('decodes all 256 bytes per the WHATWG index, even on runtimes that decode it as Latin-1', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const text = createTextDecoder('windows-1252').decode(all, { stream: false });
    expect(text.length).toBe(256);
    for (let b = 0; b < 256; b++) {
      const want = b >= 0x80 && b < 0xa0 ? WINDOWS_1252_HIGH[b - 0x80] : b;
      expect(text.charCodeAt(b), `byte 0x${b.toString(16)}`).toBe(want);
    }
    expect(createTextDecoder('windows-1252').decode(Uint8Array.of(0x80, 0x93, 0x94, 0x92, 0x96), { stream: true })).toBe('€“”’–');
  });

  it('recognises Western European text, and not multi-byte encodings', () => {
    expect(looksLikeWindows1252(fixture('accented-windows-1252.csv'))).toBe(true);
    expect(looksLikeWindows1252(Uint8Array.from([0x61, 0xc4, 0xe3, 0xba, 0xc3, 0xca, 0xc0, 0xbd, 0xe7]))).toBe(false); // GBK
    expect(looksLikeWindows1252(Uint8Array.from([0x61, 0x81, 0x62]))).toBe(false); // 0x81 has no character
  });
});

describe('BOMs and BOM-less UTF-16', () => {
  it('detects the three byte-order marks', () => {
    expect(detectBom(Uint8Array.of(0xef, 0xbb, 0xbf, 0x61))).toEqual({ encoding: 'utf-8', length: 3 });
    expect(detectBom(Uint8Array.of(0xff, 0xfe, 0x61, 0))).toEqual({ encoding: 'utf-16le', length: 2 });
    expect(detectBom(Uint8Array.of(0xfe, 0xff, 0, 0x61))).toEqual({ encoding: 'utf-16be', length: 2 });
    expect(detectBom(encode('abc'))).toBeNull();
  });

  it('guesses UTF-16 byte order from where the NULs are, and refuses scattered NULs', () => {
    expect(guessBomlessUtf16(encode('id,name\n1,Ann\n', 'utf-16le'))).toBe('utf-16le');
    expect(guessBomlessUtf16(encode('id,name\n1,Ann\n', 'utf-16be'))).toBe('utf-16be');
    expect(guessBomlessUtf16(Uint8Array.from({ length: 64 }, (_, i) => (i % 5 === 0 ? 0 : 0x41)))).toBeNull();
  });
});
