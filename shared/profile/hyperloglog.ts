// HyperLogLog distinct-count sketch, precision 14 (16,384 one-byte registers, 16 KiB).
// Written here rather than taken from npm: the HLL packages there are unmaintained, and the
// profile needs a plain Uint8Array state that survives postMessage and merges by register max.
// Registers depend only on the *set* of values hashed, so a sketch built from an exact set's
// keys when it overflows equals one fed every row, and merging parts equals the whole file.
// Estimator: Ertl, "New cardinality estimation algorithms for HyperLogLog sketches" (2017),
// the "improved raw estimator", which needs no bias tables and holds from 0 to ~2^32.

export const HLL_PRECISION = 14;
const M = 1 << HLL_PRECISION;
/** Bits of the hash left after the register index. */
const Q = 32 - HLL_PRECISION;
/** Standard error of the estimate relative to the true count: 1.04 / sqrt(m). */
export const HLL_RELATIVE_STANDARD_ERROR = 1.04 / Math.sqrt(M);

export function createHll(): Uint8Array {
  return new Uint8Array(M);
}

/** Adds one 32-bit hash: the top 14 bits pick a register, the rank is 1 + leading zeros of the rest. */
export function hllAdd(registers: Uint8Array, hash: number): void {
  const index = hash >>> Q;
  const rest = hash << HLL_PRECISION;
  const rank = rest === 0 ? Q + 1 : Math.clz32(rest) + 1;
  if (rank > registers[index]!) registers[index] = rank;
}

/** Register-wise maximum: the sketch of the union of the two sets. */
export function hllMerge(into: Uint8Array, from: Uint8Array): void {
  for (let i = 0; i < M; i++) if (from[i]! > into[i]!) into[i] = from[i]!;
}

export function hllEstimate(registers: Uint8Array): number {
  const c = new Float64Array(Q + 2);
  for (let i = 0; i < M; i++) c[registers[i]!]! += 1;
  if (c[0] === M) return 0;
  let z = M * tau(1 - c[Q + 1]! / M);
  for (let k = Q; k >= 1; k--) z = 0.5 * (z + c[k]!);
  z += M * sigma(c[0]! / M);
  return (M * M) / (2 * Math.LN2 * z);
}

function sigma(x: number): number {
  if (x === 1) return Infinity;
  let y = 1;
  let z = x;
  for (;;) {
    x *= x;
    const previous = z;
    z += x * y;
    y += y;
    if (z === previous) return z;
  }
}

function tau(x: number): number {
  if (x === 0 || x === 1) return 0;
  let y = 1;
  let z = 1 - x;
  for (;;) {
    x = Math.sqrt(x);
    const previous = z;
    y *= 0.5;
    z -= (1 - x) * (1 - x) * y;
    if (z === previous) return z / 3;
  }
}
