import { describe, expect, it } from 'vitest';
import { StringIndex } from '../../../shared/profile/string-index';

describe('StringIndex', () => {
  it('gives each distinct string a stable dense index through many rehashes', () => {
    const index = new StringIndex();
    const words = Array.from({ length: 50_000 }, (_, i) => (i % 7 === 0 ? `${i}` : `w${i.toString(36)}`));
    for (const w of [...words, ...words]) {
      if (index.lookup(w) < 0) index.insertAfterMiss(w);
    }
    expect(index.size).toBe(50_000);
    words.forEach((w, i) => expect(index.lookup(w)).toBe(i));
    expect(index.lookup('absent')).toBe(-1);
    expect(index.keys.slice(0, 3)).toEqual(words.slice(0, 3));
  });

  it('tells apart strings that differ only in case, whitespace or the empty string', () => {
    const index = new StringIndex();
    for (const w of ['', ' ', 'a', 'A', 'a ', '\u0000', 'é', 'e\u0301']) {
      expect(index.lookup(w)).toBe(-1);
      index.insertAfterMiss(w);
    }
    expect(index.size).toBe(8);
    expect(index.lookup('A')).toBe(3);
  });
});
