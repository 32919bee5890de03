// Representation analysis: a tally gathered in the profiling pass (tally.ts), then every table
// and measure computed from it (analyse.ts), and its tables as disclosure inputs (to-statistics.ts).
//
//   const plan = planAnalysis(mappingDoc, columns, { outcome, period });
//   const spec = tallySpecFor(plan, columns);                  // goes to every worker
//   const acc = createTallyAccumulator(spec, columns, profileOptions); acc.addRows(batch);
//   const tally = parts.map((p) => p.toState()).reduce(mergeTallyStates);
//   const result = analyseTally(tally, plan, { reference: { builtIn: 'census2021-england' } });
export { createTallyAccumulator, mergeTallyStates, tallyKeyCap, DEFAULT_MAX_KEYS, MAX_DIMENSION_VALUES, FUTURE_DATE, type TallySpec, type TallyState, type TallyTable, type TallyDimension, type DimensionTransform, type TallyAccumulator } from './tally';
export { planAnalysis, tallySpecFor, type AnalysisPlan, type PlanOverrides } from './plan';
export { analyseTally, DEFAULT_ANALYSIS_SETTINGS, type AnalyseOptions, type ReferenceChoice } from './analyse';
export { analysisToStatistics, ANALYSIS_POPULATION } from './to-statistics';
export * from './statistics';
export type * from './types';
