// Decides whether a raw cell is missing and, if so, which bucket it counts in.
// Runs once per value in columns past the exact cap, so it avoids trim() and toUpperCase()
// unless the first/last character is whitespace or the length matches a token.

/** Bucket 0: the empty string. Bucket 1: whitespace only. Bucket 2 + i: missingTokens[i]. */
export const MISSING_EMPTY = 0;
export const MISSING_WHITESPACE = 1;
export const NOT_MISSING = -1;

export class MissingMatcher {
  readonly bucketCount: number;
  private readonly upper: string[];
  private readonly lower: string[];
  private readonly lengths: number[];
  private readonly maxLength: number;

  constructor(readonly tokens: readonly string[]) {
    this.bucketCount = 2 + tokens.length;
    // Per-character case variants, so matching needs no allocation. Characters whose case
    // mapping changes length (e.g. 'ß') keep only their own form.
    this.upper = tokens.map((t) => [...t].map((ch) => (ch.toUpperCase().length === ch.length ? ch.toUpperCase() : ch)).join(''));
    this.lower = tokens.map((t) => [...t].map((ch) => (ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch)).join(''));
    this.lengths = tokens.map((t) => t.length);
    this.maxLength = Math.max(0, ...this.lengths);
  }

  /** The missing bucket of a raw value, or NOT_MISSING. */
  bucketOf(v: string): number {
    const n = v.length;
    if (n === 0) return MISSING_EMPTY;
    if (isTrimmedWhitespace(v.charCodeAt(0)) || isTrimmedWhitespace(v.charCodeAt(n - 1))) {
      const t = v.trim();
      return t.length === 0 ? MISSING_WHITESPACE : this.tokenBucket(t);
    }
    return n > this.maxLength ? NOT_MISSING : this.tokenBucket(v);
  }

  private tokenBucket(s: string): number {
    const n = s.length;
    for (let t = 0; t < this.lengths.length; t++) {
      if (this.lengths[t] !== n) continue;
      const up = this.upper[t]!;
      const lo = this.lower[t]!;
      let i = 0;
      for (; i < n; i++) {
        const c = s.charCodeAt(i);
        if (c !== up.charCodeAt(i) && c !== lo.charCodeAt(i)) break;
      }
      if (i === n) return 2 + t;
    }
    return NOT_MISSING;
  }
}

/** Exactly the characters String.prototype.trim removes (ECMAScript WhiteSpace + LineTerminator). */
export function isTrimmedWhitespace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return (
    c === 160 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
