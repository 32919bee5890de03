// The representation analysis, computed from a tally (tally.ts) alone: re-mapping codes or
// choosing another reference population re-runs this, not the pass over the file.
// Metric definitions: /shared/reference/profiling-and-fairness.md §2.2; what STANDING Together asks
// (composition, named absent groups, not stated / not known apart, differential missingness,
// outcomes by group): /shared/reference/standing-together.md §3.
import { RepresentError } from '../errors';
import { isSpecialCategory, NOT_KNOWN, NOT_STATED, UNMAPPED } from '../demographics/attributes';
import { categoryLabel, getCategorySet } from '../demographics/category-sets';
import { compileMapping, type CompiledMapping, type MappingDocument } from '../demographics/mapping';
import { normaliseLabel } from '../demographics/normalise';
import { readMissingLabel } from '../demographics/reading';
import { findCustomDistribution, getReference, listReferences, type CustomReference, type ReferenceDistribution } from '../reference';
import { MissingMatcher, NOT_MISSING } from '../profile/missing-values';
import { DEFAULT_PROFILE_OPTIONS } from '../profile/options';
import type { AnalysisPlan } from './plan';
import { chiSquareGoodnessOfFit, jensenShannonDistance, normalQuantile, totalVariation, wilsonInterval, Z95 } from './statistics';
import { FUTURE_DATE, MAX_DIMENSION_VALUES, type TallyState, type TallyTable } from './tally';
import { crossedCombinations } from './plan';
import type { AnalysisResult, AnalysisSettings, AttributeAnalysis, CrossCell, GroupFlag, GroupRepresentation, Intersection, OutcomeAnalysis, OutcomeGroup, PeriodAnalysis } from './types';

export type ReferenceChoice = { builtIn: string } | { custom: CustomReference };

export interface AnalyseOptions extends Partial<Omit<AnalysisSettings, 'confidence'>> {
  reference?: ReferenceChoice;
  /** Per attribute index, the group outcome ratios are taken against (default: the largest group). */
  outcomeReferenceGroups?: Record<number, string>;
  /** Missing tokens the pass used (the profile's), to tell a missing outcome from a recorded one. */
  missingTokens?: readonly string[];
}

/**
 * Defaults. The parity band 0.8–1.25 is the "four-fifths" convention (Aequitas' default tau), from
 * US employment law, not a health standard. The reliability floor of 100 rows is Fair-Code's
 * default small-group threshold; it is a convention for "too few to say much", distinct from the
 * disclosure threshold that decides what may leave the TRE. The small-cell mark of 10 for
 * intersections is likewise a convention. Ratio intervals are Bonferroni-adjusted over an
 * attribute's groups so that "every group's interval covers 1" holds at 95% jointly, and a flag
 * on one group out of twenty is not expected by chance alone.
 */
export const DEFAULT_ANALYSIS_SETTINGS: AnalysisSettings = Object.freeze({
  parityBand: [0.8, 1.25] as [number, number],
  reliabilityFloor: 100,
  smallCell: 10,
  confidence: 0.95 as const,
  ratioIntervalAdjustment: 'bonferroni' as const,
});


const POSITIVE_WORDS = ['1', 'y', 'yes', 'true', 't', 'positive', 'died', 'dead'];
const NEGATIVE_WORDS = ['0', 'n', 'no', 'false', 'f', 'negative', 'alive', 'survived'];

function resolveSettings(o: AnalyseOptions): AnalysisSettings {
  const s: AnalysisSettings = {
    parityBand: o.parityBand ?? DEFAULT_ANALYSIS_SETTINGS.parityBand,
    reliabilityFloor: o.reliabilityFloor ?? DEFAULT_ANALYSIS_SETTINGS.reliabilityFloor,
    smallCell: o.smallCell ?? DEFAULT_ANALYSIS_SETTINGS.smallCell,
    confidence: 0.95,
    ratioIntervalAdjustment: o.ratioIntervalAdjustment ?? DEFAULT_ANALYSIS_SETTINGS.ratioIntervalAdjustment,
  };
  const [lo, hi] = s.parityBand;
  if (!(lo > 0 && lo <= 1 && hi >= 1 && Number.isFinite(hi)))
    throw new RepresentError('bad-argument', 'The parity band is not valid.', { expected: 'a low bound in (0, 1] and a high bound of 1 or more', found: `${lo} to ${hi}` });
  if (!Number.isInteger(s.reliabilityFloor) || s.reliabilityFloor < 0 || !Number.isInteger(s.smallCell) || s.smallCell < 0)
    throw new RepresentError('bad-argument', 'The reliability floor and small-cell mark must be whole numbers.', { expected: 'whole numbers, 0 or more', found: 'another value' });
  return s;
}

/** Date-of-birth attributes were reduced to whole ages in the tally: read them as ages. */
function mappingForTally(doc: MappingDocument): MappingDocument {
  return {
    ...doc,
    attributes: doc.attributes.map((a) => {
      if (a.scheme !== 'date-of-birth') return a;
      const { referenceDate: _unused, ...rest } = a;
      return { ...rest, scheme: 'age-in-years' };
    }),
  };
}

function orderedKeys(categorySet: string, present: Map<string, number>): { real: string[]; special: string[] } {
  const set = getCategorySet(categorySet);
  let real: string[];
  if (set && !set.open) real = set.categories.map((c) => c.key);
  else real = [...present.entries()].filter(([k]) => !isSpecialCategory(k)).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k]) => k);
  // Keys outside the set cannot come out of a compiled mapping, but never drop a row silently.
  for (const k of present.keys()) if (!isSpecialCategory(k) && !real.includes(k)) real.push(k);
  const special = [NOT_STATED, NOT_KNOWN, UNMAPPED].filter((k) => (present.get(k) ?? 0) > 0);
  return { real, special };
}

function lookupReference(choice: ReferenceChoice, a: CompiledMapping['attributes'][number]): { distribution?: ReferenceDistribution; unavailable?: string } {
  if ('builtIn' in choice) {
    try {
      return { distribution: getReference(choice.builtIn, a.kind, a.categorySet) };
    } catch (e) {
      if (e instanceof RepresentError && e.code === 'bad-reference') return { unavailable: e.message };
      throw e;
    }
  }
  const d = findCustomDistribution(choice.custom, a.kind, a.categorySet, a.label);
  return d ? { distribution: d } : { unavailable: `${choice.custom.name} has no ${a.kind} figures in ${a.categorySet}.` };
}

function checkReferenceChoice(choice: ReferenceChoice | undefined): { id: string; name: string } | undefined {
  if (!choice) return undefined;
  if ('custom' in choice) return { id: choice.custom.id, name: choice.custom.name };
  const found = listReferences().find((r) => r.id === choice.builtIn);
  if (!found)
    throw new RepresentError('bad-reference', 'There is no built-in reference population with that id.', { expected: `one of ${listReferences().map((r) => r.id).join(', ')}`, found: `"${choice.builtIn}"` });
  return { id: found.id, name: found.name };
}

/** A tally table read back as values: entry e's value in the table's j-th dimension. */
function tableView(tally: TallyState, t: TallyTable) {
  const k = t.dims.length;
  return {
    size: t.counts.length,
    count: (e: number) => t.counts[e]!,
    value: (e: number, j: number) => tally.values[t.dims[j]!]![t.ids[e * k + j]!]!,
    /** The value id (index into tally.values of its dimension) of entry e's j-th dimension. */
    id: (e: number, j: number) => t.ids[e * k + j]!,
    /** Position of spec dimension `dim` in this table, or -1. */
    at: (dim: number) => t.dims.indexOf(dim),
  };
}

/** Attribute a's missing counts by value: the one-dimension table [a] the plan tallies with them. */
function missingTable(tally: TallyState, a: number): TallyTable {
  const t = tally.tables.find((x) => x.dims.length === 1 && x.dims[0] === a && x.missing !== undefined);
  if (!t) throw new RepresentError('internal', 'The tally does not match the analysis plan.', { expected: 'missing counts for every attribute', found: 'a tally without them' });
  return t;
}

function categoryOf(mapping: CompiledMapping, a: number, raw: string): string {
  return raw === FUTURE_DATE ? UNMAPPED : mapping(a, raw);
}

function representation(
  keys: string[],
  counts: Map<string, number>,
  observed: number,
  categorySet: string,
  distribution: ReferenceDistribution | undefined,
  settings: AnalysisSettings,
): { groups: GroupRepresentation[]; measures?: AttributeAnalysis['measures'] } {
  const refShare = new Map(distribution?.categories.map((c) => [c.key, c.share]) ?? []);
  const compared = distribution ? keys.filter((k) => (refShare.get(k) ?? 0) > 0).length : 0;
  const zRatio = settings.ratioIntervalAdjustment === 'bonferroni' && compared > 1 ? normalQuantile(1 - 0.05 / (2 * compared)) : Z95;
  const groups = keys.map((key) => {
    const count = counts.get(key) ?? 0;
    const share = observed > 0 ? count / observed : 0;
    const g: GroupRepresentation = { key, label: categoryLabel(categorySet, key), count, share, shareInterval: wilsonInterval(count, observed), flags: [] };
    const flags: GroupFlag[] = [];
    const q = refShare.get(key);
    if (distribution) {
      if (q !== undefined && q > 0) {
        g.referenceShare = q;
        g.ratio = share / q;
        g.differencePoints = (share - q) * 100;
        const w = wilsonInterval(count, observed, zRatio);
        g.ratioInterval = { low: w.low / q, high: w.high / q };
        if (observed > 0 && g.ratioInterval.high < settings.parityBand[0]) flags.push('under-represented');
        if (observed > 0 && g.ratioInterval.low > settings.parityBand[1]) flags.push('over-represented');
      } else if (count > 0) flags.push('not-in-reference');
      else g.referenceShare = 0;
    }
    if (count === 0 && (q === undefined ? !distribution : q > 0)) flags.push('absent');
    if (count > 0 && count < settings.reliabilityFloor) flags.push('below-reliability-floor');
    g.flags = flags;
    return g;
  });
  if (!distribution || observed === 0) return { groups };
  const p = groups.map((g) => g.share);
  const q = keys.map((k) => refShare.get(k) ?? 0);
  const chiSquare = chiSquareGoodnessOfFit(groups.map((g) => g.count), q);
  const warnings: string[] = [];
  if (chiSquare.smallExpectedCells > 0) warnings.push(`${chiSquare.smallExpectedCells} group(s) have an expected count below 5, so the chi-square p-value is approximate.`);
  const outside = groups.filter((g) => g.flags.includes('not-in-reference')).length;
  if (outside > 0) warnings.push(`${outside} group(s) with rows have no share in the reference; they are left out of the chi-square test.`);
  return { groups, measures: { totalVariation: totalVariation(p, q), jensenShannonDistance: jensenShannonDistance(p, q), chiSquare, warnings } };
}

function addTo(map: Map<string, number>, key: string, n: number): void {
  map.set(key, (map.get(key) ?? 0) + n);
}

/**
 * The whole analysis from a tally. Throws RepresentError when the tally overflowed a cap, the
 * reference is unknown, or an outcome needs positive values stated.
 */
export function analyseTally(tallied: TallyState, plan: AnalysisPlan, options: AnalyseOptions = {}): AnalysisResult {
  const tally = tallied;
  if (tally.overflowRows > 0)
    throw new RepresentError('bad-mapping', 'The mapped columns have too many distinct values or combinations to count exactly.', {
      expected: `at most ${MAX_DIMENSION_VALUES.toLocaleString('en-GB')} distinct values per mapped column and ${tally.spec.maxKeys.toLocaleString('en-GB')} combinations per table`,
      found: `${tally.overflowRows.toLocaleString('en-GB')} row tallies beyond that; a mapped column is probably not demographic (an identifier, a date or free text)`,
    });
  const settings = resolveSettings(options);
  const reference = checkReferenceChoice(options.reference);
  const compiled = compileMapping(mappingForTally(plan.mapping));
  const A = compiled.attributes.length;
  const W = tally.columns.length;
  const rows = tally.rows;
  const warnings: string[] = [];
  const base = tally.tables[0];
  if (tally.tables.length < 1 + A || !base || base.dims.some((d) => d < A) || !base.missing)
    throw new RepresentError('internal', 'The tally does not match the analysis plan.', { expected: 'a tally made for this plan', found: 'another tally' });
  const overallMissing = new Float64Array(W);
  for (let e = 0; e < base.counts.length; e++) for (let c = 0; c < W; c++) overallMissing[c]! += base.missing![e * W + c]!;
  const rate = (n: number) => (rows > 0 ? n / rows : 0);

  // Each distinct tallied value is mapped to its category once; table entries (many per value) then
  // look it up by id. Mapping per entry cost ~100 ms of the analysis on the 1M-row bench file.
  const categories = compiled.attributes.map((_, a) => tally.values[a]!.map((raw) => categoryOf(compiled, a, raw)));
  const attributes: AttributeAnalysis[] = compiled.attributes.map((attr, a) => {
    const t = tally.tables[1 + a]!;
    const view = tableView(tally, t);
    const counts = new Map<string, number>();
    let future = 0;
    for (let e = 0; e < view.size; e++) {
      const id = view.id(e, 0);
      const n = view.count(e);
      addTo(counts, categories[a]![id]!, n);
      if (tally.values[a]![id] === FUTURE_DATE) future += n;
    }
    const missingBy = new Map<string, Float64Array>();
    const mt = missingTable(tally, a);
    for (let e = 0; e < mt.counts.length; e++) {
      const key = categories[a]![mt.ids[e]!]!;
      let m = missingBy.get(key);
      if (!m) missingBy.set(key, (m = new Float64Array(W)));
      for (let c = 0; c < W; c++) m[c]! += mt.missing![e * W + c]!;
    }
    if (future > 0) warnings.push(`Column "${attr.column}" holds ${future.toLocaleString('en-GB')} date(s) of birth after the reference date; they are counted as unmapped.`);
    const { real, special } = orderedKeys(attr.categorySet, counts);
    const observed = real.reduce((s, k) => s + (counts.get(k) ?? 0), 0);
    const looked = options.reference ? lookupReference(options.reference, attr) : {};
    const rep = representation(real, counts, observed, attr.categorySet, looked.distribution, settings);
    const sp = { notStated: counts.get(NOT_STATED) ?? 0, notKnown: counts.get(NOT_KNOWN) ?? 0, unmapped: counts.get(UNMAPPED) ?? 0 };
    const ownColumn = tally.columns.indexOf(attr.column);
    const otherColumns = tally.columns.map((_, c) => c).filter((c) => c !== ownColumn);
    const result: AttributeAnalysis = {
      index: a,
      column: attr.column,
      kind: attr.kind,
      scheme: plan.mapping.attributes[a]!.scheme,
      categorySet: attr.categorySet,
      rows,
      observed,
      groups: rep.groups,
      special: sp,
      specialRates: { notStated: rate(sp.notStated), notKnown: rate(sp.notKnown), unmapped: rate(sp.unmapped) },
      missingness: {
        columns: otherColumns.map((c) => tally.columns[c]!),
        overallRate: otherColumns.map((c) => rate(overallMissing[c]!)),
        groups: [...real, ...special].map((key) => {
          const n = counts.get(key) ?? 0;
          const m = missingBy.get(key) ?? new Float64Array(W);
          const missing = otherColumns.map((c) => m[c]!);
          const r = missing.map((x) => (n > 0 ? x / n : 0));
          return { key, label: categoryLabel(attr.categorySet, key), rows: n, missing, rate: r, ratio: otherColumns.map((c, j) => (overallMissing[c]! > 0 && n > 0 ? r[j]! / rate(overallMissing[c]!) : null)) };
        }),
      },
    };
    if (attr.label !== undefined) result.label = attr.label;
    if (looked.distribution) {
      const d = looked.distribution;
      result.reference = { id: d.referenceId, name: d.name, categorySet: d.categorySet, sourceTitle: d.source.title, caveats: d.caveats };
    } else if (looked.unavailable) result.referenceUnavailable = looked.unavailable;
    if (rep.measures) result.measures = rep.measures;
    return result;
  });

  const keyLists = attributes.map((a) => a.missingness.groups.map((g) => g.key));
  const keyOf = keyPositions(categories, keyLists);
  const intersections = crossTabulate(attributes, keyLists, keyOf, tally, settings);

  const result: AnalysisResult = { analysisVersion: 1, rows, columns: tally.columns.slice(), settings, attributes, intersections, warnings };
  if (reference) result.reference = reference;
  const dimOf = (role: 'outcome' | 'period') => tally.spec.dimensions.findIndex((d) => d.role === role);
  if (plan.outcome) {
    const d = dimOf('outcome');
    if (d < 0) throw new RepresentError('internal', 'The tally has no outcome column.', { expected: 'a tally made for this plan', found: 'another tally' });
    result.outcome = analyseOutcome(plan.outcome, d, tally, attributes, keyLists, keyOf, options);
  }
  if (plan.period) {
    const d = dimOf('period');
    if (d < 0) throw new RepresentError('internal', 'The tally has no period column.', { expected: 'a tally made for this plan', found: 'another tally' });
    result.period = analysePeriod(plan.period, d, tally, attributes, keyLists, keyOf);
  }
  return result;
}

/** Per attribute, per value id: the position of the value's category in that attribute's key list. */
function keyPositions(categories: string[][], keyLists: string[][]): Int32Array[] {
  return categories.map((cats, a) => {
    const position = new Map(keyLists[a]!.map((k, i) => [k, i]));
    return Int32Array.from(cats, (c) => {
      const at = position.get(c);
      if (at === undefined) throw new RepresentError('internal', 'A tallied value maps to a category the analysis did not list.', { expected: 'every category among the groups', found: 'one missing' });
      return at;
    });
  });
}

/**
 * Pairs and triples among the first attributes (plan.ts). A triple is counted from the smallest
 * tally table holding it; a pair, from a triple already counted that holds it (its few hundred
 * cells rather than the thousands of entries of a tally table), else from a tally table.
 */
function crossTabulate(attributes: AttributeAnalysis[], keyLists: string[][], keyOf: Int32Array[], tally: TallyState, settings: AnalysisSettings): Intersection[] {
  const crossTables = tally.tables.slice(1 + attributes.length);
  const { pairs, triples } = crossedCombinations(attributes.length);
  const sizesOf = (combo: number[]) => combo.map((a) => keyLists[a]!.length);
  const tripleCounts = triples.map((combo) => countCombination(combo, sizesOf(combo), keyOf, crossTables));
  const pairCounts = pairs.map((pair) => {
    const t = triples.findIndex((triple) => pair.every((a) => triple.includes(a)));
    if (t < 0) return countCombination(pair, sizesOf(pair), keyOf, crossTables);
    return marginal(tripleCounts[t]!, sizesOf(triples[t]!), pair.map((a) => triples[t]!.indexOf(a)));
  });
  const counted = [...pairs.map((combo, i) => ({ combo, cells: pairCounts[i]! })), ...triples.map((combo, i) => ({ combo, cells: tripleCounts[i]! }))];
  return counted.map(({ combo, cells }) => {
    const sizes = sizesOf(combo);
    const total = cells.length;
    const counts = Array.from(cells);
    // Every cell is visited (tens of thousands across the crosstabs): its keys are made only for
    // the flagged ones, and a special category is known per key index beforehand.
    const special = combo.map((a) => keyLists[a]!.map(isSpecialCategory));
    const keysAt = (pos: number): string[] => {
      const keys = new Array<string>(combo.length);
      for (let d = combo.length - 1, rest = pos; d >= 0; d--) {
        keys[d] = keyLists[combo[d]!]![rest % sizes[d]!]!;
        rest = Math.floor(rest / sizes[d]!);
      }
      return keys;
    };
    const emptyCells: CrossCell[] = [];
    const smallCells: CrossCell[] = [];
    let realCells = 0;
    const index = new Array<number>(combo.length).fill(0);
    for (let pos = 0; pos < total; pos++) {
      if (pos > 0) for (let d = combo.length - 1; d >= 0 && ++index[d]! === sizes[d]; d--) index[d] = 0;
      let real = true;
      for (let d = 0; d < combo.length && real; d++) real = !special[d]![index[d]!];
      if (!real) continue;
      realCells++;
      const n = counts[pos]!;
      if (n === 0) emptyCells.push({ keys: keysAt(pos), count: 0 });
      else if (n < settings.smallCell) smallCells.push({ keys: keysAt(pos), count: n });
    }
    return {
      attributes: combo,
      dimensions: combo.map((a) => ({ name: attributes[a]!.column, keys: keyLists[a]!, labels: keyLists[a]!.map((k) => categoryLabel(attributes[a]!.categorySet, k)) })),
      counts,
      emptyCells,
      smallCells,
      realCells,
    };
  });
}

/** The counts of one combination of attributes by category (row-major, the last fastest) from the smallest tally table holding it. */
function countCombination(combo: number[], sizes: number[], keyOf: Int32Array[], crossTables: TallyTable[]): Float64Array {
  const source = crossTables.find((t) => combo.every((a) => t.dims.includes(a)));
  if (!source) throw new RepresentError('internal', 'The tally has no table for an intersection.', { expected: 'a tally made for this plan', found: 'another tally' });
  const k = source.dims.length;
  const at = combo.map((a) => source.dims.indexOf(a));
  const keys = combo.map((a) => keyOf[a]!);
  const counts = new Float64Array(sizes.reduce((p, n) => p * n, 1));
  // Straight array reads: this runs once per analysis, mostly before the JIT has compiled it.
  const ids = source.ids;
  for (let e = 0; e < source.counts.length; e++) {
    let pos = 0;
    for (let d = 0; d < combo.length; d++) pos = pos * sizes[d]! + keys[d]![ids[e * k + at[d]!]!]!;
    counts[pos]! += source.counts[e]!;
  }
  return counts;
}

/** The counts over some of a combination's dimensions (`keep`, in order): the others summed out. */
function marginal(counts: Float64Array, sizes: number[], keep: number[]): Float64Array {
  const out = new Float64Array(keep.reduce((p, j) => p * sizes[j]!, 1));
  const index = new Array<number>(sizes.length).fill(0);
  for (let pos = 0; pos < counts.length; pos++) {
    if (pos > 0) for (let d = sizes.length - 1; d >= 0 && ++index[d]! === sizes[d]; d--) index[d] = 0;
    let to = 0;
    for (const j of keep) to = to * sizes[j]! + index[j]!;
    out[to]! += counts[pos]!;
  }
  return out;
}

/** The positive values of an outcome: as stated, or recognised when the column is plainly binary. */
function resolvePositive(outcome: NonNullable<AnalysisPlan['outcome']>, recorded: Map<string, number>): { values: Set<string>; from: 'stated' | 'recognised' } {
  if (outcome.positiveValues && outcome.positiveValues.length > 0) return { values: new Set(outcome.positiveValues.map((v) => v.trim())), from: 'stated' };
  const distinct = [...recorded.keys()];
  const lower = distinct.map((v) => v.toLowerCase());
  const pos = lower.filter((v) => POSITIVE_WORDS.includes(v));
  const neg = lower.filter((v) => NEGATIVE_WORDS.includes(v));
  if (distinct.length <= 2 && pos.length === 1 && pos.length + neg.length === distinct.length) return { values: new Set([distinct[lower.indexOf(pos[0]!)]!]), from: 'recognised' };
  throw new RepresentError('bad-mapping', `The outcome column "${outcome.column}" is not plainly yes/no, and no positive value was stated.`, {
    expected: 'two recorded values such as 0/1 or yes/no, or the positive value(s) stated (--positive V, or positiveValues in the mapping)',
    found: `${distinct.length} distinct recorded value(s)${distinct.length === 2 ? ' that are not recognisably yes and no' : ''}`,
    location: { column: outcome.column },
  });
}

function analyseOutcome(
  outcome: NonNullable<AnalysisPlan['outcome']>,
  dim: number,
  tally: TallyState,
  attributes: AttributeAnalysis[],
  keyLists: string[][],
  keyOf: Int32Array[],
  options: AnalyseOptions,
): OutcomeAnalysis {
  const matcher = new MissingMatcher(options.missingTokens ?? DEFAULT_PROFILE_OPTIONS.missingTokens);
  const isMissing = (raw: string) => matcher.bucketOf(raw) !== NOT_MISSING || readMissingLabel(normaliseLabel(raw)) !== undefined;
  const recorded = new Map<string, number>();
  const baseView = tableView(tally, tally.tables[0]!);
  const oAt = baseView.at(dim);
  for (let e = 0; e < baseView.size; e++) {
    const raw = baseView.value(e, oAt);
    if (!isMissing(raw)) addTo(recorded, raw.trim(), baseView.count(e));
  }
  const positive = resolvePositive(outcome, recorded);
  // 1 positive, 0 negative, -1 missing, per distinct outcome value (by id).
  const states = tally.values[dim]!.map((raw) => (isMissing(raw) ? -1 : positive.values.has(raw.trim()) ? 1 : 0));
  /** Recorded, positive and missing counts per group (group = groupOf(entry)) in one pass over the table. */
  const summarise = (view: ReturnType<typeof tableView>, groups: number, groupOf: (e: number) => number) => {
    const at = view.at(dim);
    const rec = new Array<number>(groups).fill(0);
    const pos = new Array<number>(groups).fill(0);
    const miss = new Array<number>(groups).fill(0);
    for (let e = 0; e < view.size; e++) {
      const g = groupOf(e);
      const n = view.count(e);
      const st = states[view.id(e, at)]!;
      if (st === -1) miss[g]! += n;
      else {
        rec[g]! += n;
        if (st === 1) pos[g]! += n;
      }
    }
    return rec.map((r, g) => ({ recorded: r, positive: pos[g]!, missing: miss[g]!, prevalence: r > 0 ? pos[g]! / r : null, interval: wilsonInterval(pos[g]!, r) }));
  };
  const overall = summarise(baseView, 1, () => 0)[0]!;
  const byAttribute = attributes.map((attr, a) => {
    const view = tableView(tally, tally.tables[1 + a]!);
    const summaries = summarise(view, keyLists[a]!.length, (e) => keyOf[a]![view.id(e, 0)]!);
    const groups: OutcomeGroup[] = keyLists[a]!.map((key, k) => ({ key, label: categoryLabel(attr.categorySet, key), ...summaries[k]!, ratioToReference: null }));
    const stated = options.outcomeReferenceGroups?.[a];
    const real = groups.filter((g) => !isSpecialCategory(g.key) && g.recorded > 0);
    const ref = stated !== undefined ? groups.find((g) => g.key === stated) : [...real].sort((x, y) => y.recorded - x.recorded)[0];
    if (stated !== undefined && !ref)
      throw new RepresentError('bad-argument', `The outcome reference group for column "${attr.column}" is not one of its categories.`, { expected: `one of ${keyLists[a]!.join(', ')}`, found: 'another value' });
    for (const g of groups) g.ratioToReference = ref && ref.prevalence && g.prevalence !== null ? g.prevalence / ref.prevalence : null;
    return { attribute: a, referenceGroup: ref?.key ?? null, groups };
  });
  return { column: outcome.column, positiveValues: [...positive.values], positiveFrom: positive.from, overall, byAttribute };
}

const QUARTER = /^\d{4}-Q[1-4]$/;

function analysePeriod(
  period: NonNullable<AnalysisPlan['period']>,
  dim: number,
  tally: TallyState,
  attributes: AttributeAnalysis[],
  keyLists: string[][],
  keyOf: Int32Array[],
): PeriodAnalysis {
  const W = tally.columns.length;
  const periodOf = (k: string) => (!QUARTER.test(k) ? NOT_KNOWN : period.granularity === 'year' ? k.slice(0, 4) : k);
  const base = tally.tables[0]!;
  const baseView = tableView(tally, base);
  const pAt = baseView.at(dim);
  const periods = [...new Set(Array.from({ length: baseView.size }, (_, e) => periodOf(baseView.value(e, pAt))))].sort((x, y) =>
    x === NOT_KNOWN ? 1 : y === NOT_KNOWN ? -1 : x < y ? -1 : x > y ? 1 : 0,
  );
  const pIndex = new Map(periods.map((p, i) => [p, i]));
  /** Per period value id, its period's position. */
  const periodIndex = tally.values[dim]!.map((k) => pIndex.get(periodOf(k)) ?? -1);
  const rowsBy = new Array<number>(periods.length).fill(0);
  const missing = periods.map(() => new Array<number>(W).fill(0));
  for (let e = 0; e < baseView.size; e++) {
    const p = pIndex.get(periodOf(baseView.value(e, pAt)))!;
    rowsBy[p]! += baseView.count(e);
    for (let c = 0; c < W; c++) missing[p]![c]! += base.missing![e * W + c]!;
  }
  const byAttribute = attributes.map((attr, a) => {
    const view = tableView(tally, tally.tables[1 + a]!);
    const at = view.at(dim);
    const keys = keyLists[a]!;
    const counts = periods.map(() => new Array<number>(keys.length).fill(0));
    for (let e = 0; e < view.size; e++) counts[periodIndex[view.id(e, at)]!]![keyOf[a]![view.id(e, 0)]!]! += view.count(e);
    return { attribute: a, keys, labels: keys.map((k) => categoryLabel(attr.categorySet, k)), counts };
  });
  return { column: period.column, granularity: period.granularity, periods, rows: rowsBy, columnMissing: { columns: tally.columns.slice(), missing }, byAttribute };
}
