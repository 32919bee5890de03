// Builds the standards report from TRUE statistics: protects them first (shared/disclosure), then
// derives every other figure from the protected output only. Nothing from the inputs' counts is
// read after protection.

import { emptyCategoriesNote, leaveOutEmptyCategories, protectReport, type CellStatus, type Policy, type ProtectedCountTable, type ProtectedGroupTable, type ProtectedResult, type ProtectedScalar, type StatisticInput } from '../disclosure';
import { CUSTOM_REFERENCE_PREFIX, type ReferenceDistribution } from '../reference';
import { catalogueCompleteness, sectionOf, standingTogether, type AnalysisOutput } from '../standards';
import { fieldState, type Answers } from './answers';
import { labelKey, percent1, ratio2, wilsonInterval } from './figures';
import { buildFlags } from './flags';
import { methodNotes } from './methods';
import {
  REPORT_FORMAT,
  REPORT_FORMAT_VERSION,
  type CrossTableBlock,
  type DatasetIdentity,
  type GroupRateBlock,
  type MissingnessBlock,
  type RepresentationBlock,
  type RepresentationRow,
  type ScalarBlock,
  type StandardsReport,
} from './model';
import { RepresentError } from '../errors';

export type SectionRole = 'overview' | 'representation' | 'intersection' | 'period' | 'site' | 'missingness' | 'outcome';

/** One statistic and what it is for in the report. */
export interface ReportSectionInput {
  role: SectionRole;
  statistic: StatisticInput;
  /** Representation: the reference distribution to compare with (its categories matched by label or key). */
  reference?: ReferenceDistribution;
  /** Missingness and outcomes: the variable the rate is about. Defaults to the statistic's title. */
  variable?: string;
}

export interface ReportInput {
  title?: string;
  /** From DatasetProfile.file. */
  dataset: { name: string; sizeBytes: number; modifiedIso: string; sha256: string };
  sections: readonly ReportSectionInput[];
  answers: Answers;
  policy: Policy;
  appVersion: string;
  /** When the report was built (ISO 8601); passed in so builds are reproducible. */
  createdAt: string;
}

function checkRole(section: ReportSectionInput): void {
  const s = section.statistic;
  const ok =
    section.role === 'overview'
      ? s.kind === 'distinct-count' || s.kind === 'date-range' || s.kind === 'extremes'
      : section.role === 'representation'
        ? s.kind === 'count-table' && s.dimensions.length === 1 && s.margins === 'all'
        : section.role === 'missingness' || section.role === 'outcome'
          ? s.kind === 'rates'
          : s.kind === 'count-table';
  if (!ok)
    throw new RepresentError('bad-argument', `Report section "${s.id}" does not fit its role "${section.role}".`, {
      expected:
        section.role === 'representation'
          ? 'a one-way count table with margins "all"'
          : section.role === 'missingness' || section.role === 'outcome'
            ? 'a rate table'
            : section.role === 'overview'
              ? 'a distinct count, date range or extremes statistic'
              : 'a count table',
      found: `a ${s.kind} statistic`,
    });
}

export function buildReport(input: ReportInput): StandardsReport {
  input.sections.forEach(checkRole);
  // Categories no one in the dataset has are left out first (reasoning in shared/disclosure/empty-categories.ts).
  const trimmed = leaveOutEmptyCategories(
    input.sections.map((s) => s.statistic),
    input.policy,
  );
  const protection = protectReport(trimmed.inputs, input.policy);
  const results = protection.results;
  for (const [i, dimensions] of trimmed.leftOut) results[i]!.evidence.reasons.push(emptyCategoriesNote(dimensions));
  const byRole = (role: SectionRole) => input.sections.flatMap((s, i) => (s.role === role ? [{ section: s, result: results[i]! }] : []));

  const representation = byRole('representation').map(({ section, result }) => representationBlock(section, result));
  const overview = byRole('overview').map(({ result }) => scalarBlock(result));
  const intersections = byRole('intersection').map(({ result }) => crossBlock(result));
  const periods = byRole('period').map(({ result }) => crossBlock(result));
  const sites = byRole('site').map(({ result }) => crossBlock(result));
  const missingRates = byRole('missingness').flatMap(({ section, result }) => splitByColumn(rateBlock(section, result)));
  const outcomes = byRole('outcome').map(({ section, result }) => rateBlock(section, result));
  const missingness = groupMissingness(missingRates);

  const present = new Set<AnalysisOutput>(['dataset-identity']);
  if (overview.length > 0 || representation.length > 0) present.add('overview');
  if (representation.length > 0) present.add('representation');
  if (intersections.length > 0) present.add('intersections');
  if (periods.length > 0) present.add('periods');
  if (sites.length > 0) present.add('sites');
  if (missingness.length > 0) present.add('missingness');
  if (outcomes.length > 0) present.add('outcomes');

  const flags = buildFlags({ representation, missingness, outcomes, evidence: results.map((r) => r.evidence) });
  if (representation.length > 0 || missingness.length > 0) present.add('flags');

  const catalogue = standingTogether();
  const completeness = catalogueCompleteness({
    fieldState: (p) => fieldState(input.answers, p),
    outputsPresent: present,
    notedItems: new Set(Object.keys(input.answers.itemNotes ?? {})),
  });
  let suppressed = 0;
  let rounded = 0;
  for (const r of results) {
    suppressed += r.evidence.summary.suppressedPrimary + r.evidence.summary.suppressedSecondary;
    rounded += r.evidence.summary.rounded;
  }
  const dataset: DatasetIdentity = {
    fileName: baseName(input.dataset.name),
    byteLength: input.dataset.sizeBytes,
    modifiedIso: input.dataset.modifiedIso,
    sha256: input.dataset.sha256,
  };
  const report: StandardsReport = {
    format: REPORT_FORMAT,
    formatVersion: REPORT_FORMAT_VERSION,
    title: input.title ?? `STANDING Together standards report: ${dataset.fileName}`,
    createdAt: input.createdAt,
    app: { name: 'Represent', version: input.appVersion },
    dataset,
    policy: { id: input.policy.id, name: input.policy.name, description: input.policy.description ?? null, parameters: input.policy },
    catalogue: { version: catalogue.catalogueVersion, standard: catalogue.standard, citation: catalogue.citation, caveats: catalogue.caveats },
    disclosure: { outcome: protection.outcome, tables: results.length, cellsSuppressed: suppressed, cellsRounded: rounded },
    overview,
    representation,
    intersections,
    periods,
    sites,
    missingness,
    outcomes,
    flags,
    items: catalogue.items.map((item) => ({
      id: item.id,
      publishedId: item.publishedId,
      idConfidence: item.idConfidence,
      part: sectionOf(item).part,
      section: item.section,
      sectionTitle: sectionOf(item).title,
      title: item.title,
      topic: item.topic,
      prompts: [...item.prompts],
      evidence: item.evidence,
      analysisOutputs: [...item.analysisOutputs],
      answerFields: [...item.answerFields],
    })),
    answers: input.answers,
    completeness,
    methods: methodNotes(input.policy, {
      referenceKinds: new Set(representation.flatMap((b) => (b.reference?.kind ? [b.reference.kind] : []))),
      emptyCategoriesLeftOut: trimmed.leftOut.size > 0,
    }),
    tables: results.map((r) => r.output),
    evidence: results.map((r) => r.evidence),
    links: protection.links,
  };
  // A plain JSON object: what the JSON renderer writes is exactly what the other renderers read.
  return JSON.parse(JSON.stringify(report)) as StandardsReport;
}

function baseName(name: string): string {
  const parts = name.split(/[\\/]/);
  return parts[parts.length - 1] || name;
}

// ---------------------------------------------------------------------------------------------

function totalCell(t: ProtectedCountTable): { value: number | null; status: CellStatus } {
  const cell = t.cells.find((c) => c.coords.every((x) => x === null));
  return cell ? { value: cell.value, status: cell.status } : { value: null, status: 'suppressed-secondary' };
}

function representationBlock(section: ReportSectionInput, result: ProtectedResult): RepresentationBlock {
  const t = result.output as ProtectedCountTable;
  const dim = t.dimensions[0]!;
  const total = totalCell(t);
  const interior = dim.categories.map((category) => {
    const cell = t.cells.find((c) => c.coords.length === 1 && c.coords[0] === category)!;
    return { category, n: cell.value, status: cell.status };
  });
  const ref = section.reference;
  const refShare = new Map<string, { label: string; share: number }>();
  if (ref) for (const c of ref.categories) {
    refShare.set(labelKey(c.label), { label: c.label, share: c.share });
    refShare.set(labelKey(c.key), { label: c.label, share: c.share });
  }
  const matched = interior.map((r) => (ref ? refShare.get(labelKey(r.category)) : undefined));

  // Denominator for comparison: records whose category the reference covers, from protected counts.
  let recorded: number | null = null;
  let recordedDenominator: string | null = null;
  if (ref) {
    const inRef = interior.filter((_, i) => matched[i]);
    const outRef = interior.filter((_, i) => !matched[i]);
    if (inRef.every((r) => r.n !== null)) {
      recorded = inRef.reduce((s, r) => s + r.n!, 0);
      recordedDenominator = 'the sum of the published counts of the categories the reference covers';
    } else if (total.value !== null && outRef.every((r) => r.n !== null)) {
      recorded = total.value - outRef.reduce((s, r) => s + r.n!, 0);
      recordedDenominator = 'the published total less the published counts of categories the reference does not cover';
    } else recordedDenominator = 'not computable: suppressed counts both inside and outside the reference categories';
    if (recorded !== null && recorded <= 0) recorded = null;
  }

  const rows: RepresentationRow[] = interior.map((r, i) => {
    const percentOfAll = r.n !== null && total.value !== null && total.value > 0 ? percent1(r.n / total.value) : null;
    const m = matched[i];
    const base = ref ? (m ? recorded : null) : total.value;
    const k = r.n;
    const share = k !== null && base !== null && base > 0 && k <= base ? k / base : null;
    const interval = share !== null ? wilsonInterval(k!, base!) : null;
    const referencePercent = m ? percent1(m.share) : null;
    return {
      category: r.category,
      n: r.n,
      status: r.status,
      percentOfAll,
      percentOfRecorded: ref && share !== null ? percent1(share) : null,
      intervalLow: interval ? percent1(interval.low) : null,
      intervalHigh: interval ? percent1(interval.high) : null,
      // Reference figures are public, but a row whose count is suppressed shows none beside it,
      // so no reader (or export screen) can mistake it for a figure derived from the hidden count.
      referencePercent: r.n !== null ? referencePercent : null,
      ratio: share !== null && m && m.share > 0 ? ratio2(share / m.share) : null,
    };
  });
  const usedRef = new Set(matched.filter(Boolean).map((m) => m!.label));
  const referenceOnly = ref
    ? ref.categories.filter((c) => !usedRef.has(c.label)).map((c) => ({ category: c.label, referencePercent: percent1(c.share) }))
    : [];
  return {
    id: `representation-${t.id}`,
    attribute: dim.name,
    title: t.title,
    tableId: t.id,
    total: total.value,
    totalStatus: total.status,
    recordedDenominator,
    reference: ref
      ? {
          id: ref.referenceId,
          kind: ref.referenceId.startsWith(CUSTOM_REFERENCE_PREFIX) ? 'custom' : 'census-2021',
          name: ref.name,
          categorySet: ref.categorySet,
          sourceTitle: ref.source.title,
          sourceUrl: ref.source.url,
          publisher: ref.source.publisher,
          licence: ref.source.licence,
          date: ref.source.published ?? null,
          caveats: [...ref.caveats],
          derivation: ref.derivation ?? null,
        }
      : null,
    rows,
    referenceOnly,
  };
}

function rateBlock(section: ReportSectionInput, result: ProtectedResult): GroupRateBlock {
  const t = result.output as ProtectedGroupTable;
  return {
    id: `rates-${t.id}`,
    tableId: t.id,
    title: t.title,
    variable: section.variable ?? t.title,
    dimensions: t.dimensions.map((d) => d.name),
    countMethod: t.method === 'midpoint6' ? 'midpoint6' : 'suppress-and-round',
    rows: t.groups.map((g) => {
      const num = g.values.numerator ?? null;
      const den = g.values.denominator ?? null;
      return {
        group: g.coords.map((c) => c ?? 'Total'),
        n: den,
        nStatus: g.status.denominator ?? g.nStatus,
        events: num,
        eventsStatus: g.status.numerator ?? 'suppressed-secondary',
        percent: num !== null && den !== null && den > 0 ? percent1(num / den) : null,
      };
    }),
  };
}

/** The name of the second dimension of a missingness table that lists the variables (shared/analysis). */
export const VARIABLE_DIMENSION = 'column';

/**
 * A rate table of missingness by [attribute, column] (as shared/analysis makes them) becomes one
 * block per column, so each variable is one column of the heat table.
 */
function splitByColumn(block: GroupRateBlock): GroupRateBlock[] {
  if (block.dimensions.length !== 2 || block.dimensions[1] !== VARIABLE_DIMENSION) return [block];
  const variables: string[] = [];
  for (const r of block.rows) if (!variables.includes(r.group[1]!)) variables.push(r.group[1]!);
  return variables.map((v) => ({
    ...block,
    id: `${block.id}-${labelKey(v).replace(/ /g, '-')}`,
    title: `${v}: ${block.title}`,
    variable: v,
    dimensions: [block.dimensions[0]!],
    rows: block.rows.filter((r) => r.group[1] === v).map((r) => ({ ...r, group: [r.group[0]!] })),
  }));
}

/** Missingness rate tables over the same single attribute become one heat table. */
function groupMissingness(blocks: GroupRateBlock[]): MissingnessBlock[] {
  const byAttribute = new Map<string, GroupRateBlock[]>();
  for (const b of blocks) {
    const key = b.dimensions.join(' × ');
    byAttribute.set(key, [...(byAttribute.get(key) ?? []), b]);
  }
  return [...byAttribute].map(([attribute, list]) => {
    const groups: string[] = [];
    for (const b of list) for (const r of b.rows) {
      const g = r.group.join(' / ');
      if (!groups.includes(g)) groups.push(g);
    }
    return { id: `missingness-${labelKey(attribute).replace(/ /g, '-')}`, attribute, variables: list.map((b) => b.variable), groups, blocks: list };
  });
}

function crossBlock(result: ProtectedResult): CrossTableBlock {
  const t = result.output as ProtectedCountTable;
  return {
    id: `table-${t.id}`,
    tableId: t.id,
    title: t.title,
    dimensions: t.dimensions.map((d) => ({ name: d.name, categories: [...d.categories] })),
    hasMargins: t.margins === 'all',
    cells: t.cells.map((c) => ({ coords: [...c.coords], value: c.value, status: c.status })),
  };
}

function scalarBlock(result: ProtectedResult): ScalarBlock {
  const t = result.output as ProtectedScalar;
  return {
    id: `overview-${t.id}`,
    tableId: t.id,
    title: t.title,
    fields: Object.entries(t.fields).map(([name, value]) => ({ name, value, status: t.status[name] ?? 'shown' })),
  };
}
