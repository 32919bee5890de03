// Quantiles for columns too varied to count exactly: DDSketch from @datadog/sketches-js, which
// guarantees every quantile within a relative error (1 % here) of the true value, and whose
// buckets are plain counts, so merging adds them and merged == whole, exactly.
// The live sketch is a class instance and cannot cross postMessage, so the state is a sparse
// list of (bucket key, count). Merging is done on that state rather than with DDSketch.merge,
// which in 2.1.1 merges the positive store only and drops the negative values of the other sketch.
import { DDSketch } from '@datadog/sketches-js';

export const QUANTILE_RELATIVE_ACCURACY = 0.01;

export interface SparseBins {
  keys: Int32Array;
  counts: Float64Array;
}

export interface QuantileSketchState {
  relativeAccuracy: number;
  zeroCount: number;
  positive: SparseBins;
  negative: SparseBins;
}

export function createQuantileSketch(): DDSketch {
  return new DDSketch({ relativeAccuracy: QUANTILE_RELATIVE_ACCURACY });
}

export function quantileSketchToState(sketch: DDSketch): QuantileSketchState {
  return {
    relativeAccuracy: sketch.mapping.relativeAccuracy,
    zeroCount: sketch.zeroCount,
    positive: storeToBins(sketch.store),
    negative: storeToBins(sketch.negativeStore),
  };
}

export function quantileSketchFromState(state: QuantileSketchState): DDSketch {
  const sketch = new DDSketch({ relativeAccuracy: state.relativeAccuracy });
  binsToStore(state.positive, sketch.store);
  binsToStore(state.negative, sketch.negativeStore);
  sketch.zeroCount = state.zeroCount;
  sketch.count = sketch.store.count + sketch.negativeStore.count + state.zeroCount;
  return sketch;
}

export function mergeQuantileSketchStates(a: QuantileSketchState, b: QuantileSketchState): QuantileSketchState {
  if (a.relativeAccuracy !== b.relativeAccuracy) throw new Error('Cannot merge quantile sketches of different accuracy');
  return {
    relativeAccuracy: a.relativeAccuracy,
    zeroCount: a.zeroCount + b.zeroCount,
    positive: mergeBins(a.positive, b.positive),
    negative: mergeBins(a.negative, b.negative),
  };
}

/**
 * The value at each quantile, as DDSketch defines it: the item of rank floor(q·(n−1)) in sorted
 * order, within the relative accuracy. Clamped to [min, max], which only brings it closer.
 */
export function sketchQuantiles(state: QuantileSketchState, qs: readonly number[], min: number, max: number): number[] {
  const sketch = quantileSketchFromState(state);
  return qs.map((q) => Math.min(max, Math.max(min, sketch.getValueAtQuantile(q))));
}

type Store = DDSketch['store'];

function storeToBins(store: Store): SparseBins {
  const keys: number[] = [];
  const counts: number[] = [];
  if (store.count > 0) {
    for (let key = store.minKey; key <= store.maxKey; key++) {
      const c = store.bins[key - store.offset] ?? 0;
      if (c > 0) {
        keys.push(key);
        counts.push(c);
      }
    }
  }
  return { keys: Int32Array.from(keys), counts: Float64Array.from(counts) };
}

function binsToStore(bins: SparseBins, store: Store): void {
  const n = bins.keys.length;
  if (n === 0) return;
  // The extreme keys first, so the dense store sizes itself once instead of growing per key.
  store.add(bins.keys[0]!, bins.counts[0]!);
  if (n > 1) store.add(bins.keys[n - 1]!, bins.counts[n - 1]!);
  for (let i = 1; i < n - 1; i++) store.add(bins.keys[i]!, bins.counts[i]!);
}

function mergeBins(a: SparseBins, b: SparseBins): SparseBins {
  const keys: number[] = [];
  const counts: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.keys.length || j < b.keys.length) {
    const ka = i < a.keys.length ? a.keys[i]! : Infinity;
    const kb = j < b.keys.length ? b.keys[j]! : Infinity;
    if (ka === kb) {
      keys.push(ka);
      counts.push(a.counts[i++]! + b.counts[j++]!);
    } else if (ka < kb) {
      keys.push(ka);
      counts.push(a.counts[i++]!);
    } else {
      keys.push(kb);
      counts.push(b.counts[j++]!);
    }
  }
  return { keys: Int32Array.from(keys), counts: Float64Array.from(counts) };
}
