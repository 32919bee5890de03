// Public API of the profiler: one pass, bounded memory, mergeable across workers.
//
//   const acc = createProfileAccumulator(columns, options);   // per worker / per part
//   acc.addRows(batch);                                        // hot path, any batch sizes
//   postMessage(acc.toState());                                // plain data (row-level: never persist it)
//   const state = parts.reduce(mergeProfileStates);            // in file order: b follows a
//   const columns = finishProfile(state);                      // ColumnProfile[]
//
// Each column counts its distinct raw values exactly until it has more than exactDistinctCap of
// them, then switches to streaming statistics with HyperLogLog and DDSketch. Everything is
// derived from the multiset of values and their first rows, so the finished profile does not
// depend on how the file was split (test/unit/profile/merge.property.test.ts). Identifier
// columns keep counts, missingness, distinct counts and lengths but never values.
export {
  createProfileAccumulator,
  profileAccumulatorFromState,
  mergeProfileStates,
  finishProfile,
  finishColumnsOfParts,
  type PartColumns,
  type ProfileAccumulator,
  type AccumulatorFeatures,
  type ProfileState,
} from './profile-accumulator';
export { MISSING_NO_KEY, PRESENT_NO_KEY, type CellCodes } from './cell-codes';
export { DEFAULT_PROFILE_OPTIONS, resolveProfileOptions, type ProfileOptions } from './options';
export { isValidNhsNumber } from './nhs-number';
export { postcodeKind } from './uk-postcode';
export { HLL_RELATIVE_STANDARD_ERROR } from './hyperloglog';
export { QUANTILE_RELATIVE_ACCURACY } from './quantile-sketch';
export { DATE_FORMATS } from './dates';
export type * from './types';
