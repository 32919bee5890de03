// `represent analyse FILE`: profile and tally in one pass, then the representation analysis
// (shared/analysis) printed as tables. The JSON holds exact counts: it stays inside the TRE, like
// the profile's; only disclosure-checked reports leave.
import { analyseFile } from '../../services/profile-job';
import { writeFileAtomic } from '../../services/atomic-write';
import { ExitCode } from '../exit-codes';
import { intOption, parseCommandArgs, UsageError, type Command } from '../command';
import { createProgressBar } from '../progress-bar';
import { formatCount, formatPercent, textTable } from '../format';
import { readMappingFile, suggestFor } from './mapping';
import { RepresentError } from '../../../shared/errors';
import { listReferences } from '../../../shared/reference';
import { readReferenceFile } from '../../services/report/reference-file';
import { analyseTally, DEFAULT_ANALYSIS_SETTINGS, type AnalysisPlan, type AnalysisResult, type AttributeAnalysis, type ReferenceChoice } from '../../../shared/analysis';
import type { MappingDocument } from '../../../shared/demographics';
import { NO_STORE_OPTION, NO_STORE_USAGE, openRecorder } from '../no-store-option';

export const analyseCommand: Command = {
  name: 'analyse',
  summary: 'Representation analysis: groups vs a reference population, missingness, outcomes, intersections, periods.',
  usage: `
Usage: represent analyse FILE [--mapping m.json] [--reference ID|custom.csv | --reference-file custom.csv] [--outcome COL]
                              [--positive V]... [--period COL] [--quarterly] [--json OUT] [--no-store]

  --mapping FILE        the mapping document (default: one suggested from a first profiling pass;
                        write and review one with \`represent mapping suggest FILE > m.json\`)
  --reference R         a built-in Census 2021 population (e.g. england-2021, census2021-london) or a
                        CSV with columns attribute, category and count or share
  --reference-file F    a reference population CSV, named as such (optional columns scheme, label,
                        source and date; as \`represent report --reference-file\` takes it)
  --outcome COL         an outcome/label column: prevalence by group (overrides the mapping's)
  --positive V          the outcome value(s) that count as positive (repeatable); needed unless the
                        column is plainly yes/no (0/1, Y/N, true/false)
  --period COL          a date column: group shares and missingness by year (overrides the mapping's)
  --quarterly           periods by quarter instead of year
  --parity-band LO,HI   representation ratios treated as parity (default ${DEFAULT_ANALYSIS_SETTINGS.parityBand.join(',')})
  --reliability-floor N groups below N rows are flagged as too small to read (default ${DEFAULT_ANALYSIS_SETTINGS.reliabilityFloor})
  --json OUT            write the full analysis as JSON (exact counts: keep it inside the TRE)
  --workers N           worker threads (default: the number of cores)
  --quiet               no tables on stdout
${NO_STORE_USAGE}

The file's fingerprint and metadata, the profile's value-free overview and the mapping used are
recorded in this Represent home's store, with audit events; the analysis's counts are not.

Built-in references: ${listReferences().map((r) => r.id).join(', ')}.
`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      mapping: { type: 'string' },
      reference: { type: 'string' },
      'reference-file': { type: 'string' },
      outcome: { type: 'string' },
      positive: { type: 'string', multiple: true },
      period: { type: 'string' },
      quarterly: { type: 'boolean', default: false },
      'parity-band': { type: 'string' },
      'reliability-floor': { type: 'string' },
      json: { type: 'string' },
      workers: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      ...NO_STORE_OPTION,
    });
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'FILE is required.' : 'give exactly one FILE.');
    const file = positionals[0]!;
    const workers = intOption(values.workers, 'workers', 1);
    const reliabilityFloor = intOption(values['reliability-floor'], 'reliability-floor', 0);
    const parityBand = parseBand(values['parity-band']);
    if (values.quarterly && !values.period) throw new UsageError('--quarterly needs --period COL (or a period in the mapping).');
    // Read the reference first: a bad reference file should fail before a long pass.
    if (values.reference !== undefined && values['reference-file'] !== undefined) throw new UsageError('give --reference or --reference-file, not both.');
    const reference =
      values['reference-file'] !== undefined
        ? { custom: await readReferenceFile(values['reference-file']) }
        : values.reference === undefined
          ? undefined
          : await readReference(values.reference);

    // The store before the long pass: a locked or unwritable one stops the command first.
    const recorder = await openRecorder(values['no-store']);
    try {
      let mapping: unknown;
      if (values.mapping !== undefined) mapping = await readMappingFile(values.mapping);
      else {
        mapping = (await suggestFor(file, io, { workers })).mapping;
        io.stderr.write('No --mapping given: using the mapping `represent mapping suggest` proposes (review it before relying on the results).\n');
      }

      const bar = createProgressBar(io.stderr);
      let analysed;
      try {
        analysed = await analyseFile(
          file,
          {
            mapping,
            workers,
            signal: io.signal,
            onProgress: (p) => bar.update(p),
            overrides: {
              ...(values.outcome !== undefined ? { outcome: values.outcome } : {}),
              ...(values.positive !== undefined ? { positiveValues: values.positive } : {}),
              ...(values.period !== undefined ? { period: values.period } : {}),
              ...(values.quarterly ? { granularity: 'quarter' as const } : {}),
            },
          },
          // Run while the profile's columns are finished on the worker threads.
          (tally, plan, profileOptions) =>
            analyseTally(tally, plan, {
              ...(reference ? { reference } : {}),
              ...(parityBand ? { parityBand } : {}),
              ...(reliabilityFloor !== undefined ? { reliabilityFloor } : {}),
              missingTokens: profileOptions.missingTokens,
            }),
        );
      } finally {
        bar.done();
      }
      const result = analysed.early;
      recorder?.recordProfile(file, analysed.profile, mappingUsed(analysed.plan));
      if (values.json) await writeFileAtomic(values.json, JSON.stringify(result, null, 2) + '\n');
      if (!values.quiet) io.stdout.write(formatAnalysis(result, analysed.profile.file.name) + '\n');
      return ExitCode.ok;
    } finally {
      recorder?.close();
    }
  },
};

/**
 * The mapping document as this run applied it: --outcome/--positive/--period/--quarterly folded in
 * where a mapping document can say them (an outcome needs its positive values; a recognised yes/no
 * column chosen on the command line has none to record, so the document keeps its own outcome).
 */
export function mappingUsed(plan: AnalysisPlan): MappingDocument {
  const { outcome, period, ...rest } = plan.mapping;
  const chosenOutcome = plan.outcome?.positiveValues ? { column: plan.outcome.column, positiveValues: plan.outcome.positiveValues } : plan.outcome?.column === outcome?.column ? outcome : undefined;
  const chosenPeriod = plan.period ?? period;
  return { ...rest, ...(chosenOutcome ? { outcome: chosenOutcome } : {}), ...(chosenPeriod ? { period: chosenPeriod } : {}) };
}

function parseBand(text: string | undefined): [number, number] | undefined {
  if (text === undefined) return undefined;
  const parts = text.split(',').map((s) => Number(s.trim()));
  if (parts.length !== 2 || parts.some((n) => !Number.isFinite(n)) || !(parts[0]! > 0 && parts[0]! <= 1 && parts[1]! >= 1))
    throw new UsageError(`--parity-band expects LO,HI with 0 < LO ≤ 1 ≤ HI (e.g. 0.8,1.25); got "${text}".`);
  return [parts[0]!, parts[1]!];
}

/** A built-in id (also accepted as AREA-2021, e.g. england-2021) or a custom CSV file. */
async function readReference(value: string): Promise<ReferenceChoice> {
  if (value.toLowerCase().endsWith('.csv')) return { custom: await readReferenceFile(value) };
  const ids = listReferences().map((r) => r.id);
  if (ids.includes(value)) return { builtIn: value };
  const alias = /^(.+)-2021$/.exec(value);
  if (alias && ids.includes(`census2021-${alias[1]}`)) return { builtIn: `census2021-${alias[1]}` };
  throw new RepresentError('bad-reference', 'There is no built-in reference population with that name.', { expected: `a CSV file or one of ${ids.join(', ')} (or AREA-2021, e.g. england-2021)`, found: `"${value}"` });
}

// ---- terminal tables ---------------------------------------------------------------------------

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const ratio = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x.toFixed(2));
const FLAG_WORDS: Record<string, string> = {
  'under-represented': 'UNDER',
  'over-represented': 'OVER',
  absent: 'ABSENT',
  'below-reliability-floor': 'small',
  'not-in-reference': 'not in reference',
};

function attributeSection(a: AttributeAnalysis, result: AnalysisResult): string[] {
  const title = `${a.column} (${a.kind}, ${a.categorySet})`;
  const lines = [title, '='.repeat(title.length)];
  lines.push(`${formatCount(a.rows)} rows: ${formatCount(a.observed)} in a category; not stated ${formatCount(a.special.notStated)} (${formatPercent(a.specialRates.notStated)}), not known ${formatCount(a.special.notKnown)} (${formatPercent(a.specialRates.notKnown)}), unmapped ${formatCount(a.special.unmapped)} (${formatPercent(a.specialRates.unmapped)}). Shares are of rows in a category.`);
  if (a.reference) lines.push(`Reference: ${a.reference.name} (${a.reference.sourceTitle}).`);
  else if (a.referenceUnavailable) lines.push(`No reference comparison: ${a.referenceUnavailable}`);
  lines.push('');
  const withRef = a.reference !== undefined;
  const header = ['Group', 'Rows', 'Share (95% CI)', ...(withRef ? ['Reference', 'Ratio (CI)', 'Diff (pts)'] : []), 'Flags'];
  lines.push(
    textTable(
      header,
      a.groups.map((g) => [
        g.label,
        formatCount(g.count),
        `${pct(g.share)} (${pct(g.shareInterval.low)}–${pct(g.shareInterval.high)})`,
        ...(withRef
          ? [g.referenceShare === undefined ? '—' : pct(g.referenceShare), g.ratio === undefined ? '—' : `${ratio(g.ratio)} (${ratio(g.ratioInterval?.low)}–${ratio(g.ratioInterval?.high)})`, g.differencePoints === undefined ? '—' : `${g.differencePoints >= 0 ? '+' : ''}${g.differencePoints.toFixed(1)}`]
          : []),
        g.flags.map((f) => FLAG_WORDS[f] ?? f).join(', '),
      ]),
    ),
  );
  if (a.measures) {
    const m = a.measures;
    lines.push('', `Total variation ${m.totalVariation.toFixed(3)}; Jensen–Shannon distance ${m.jensenShannonDistance.toFixed(3)}; chi-square ${m.chiSquare.statistic.toFixed(1)} on ${m.chiSquare.degreesOfFreedom} df, p ${m.chiSquare.pValue < 0.001 ? '< 0.001' : '= ' + m.chiSquare.pValue.toFixed(3)}.`);
    for (const w of m.warnings) lines.push(`  Note: ${w}`);
  }
  // Differential missingness: columns whose missing rate in a group is well off the overall rate.
  const floor = result.settings.reliabilityFloor;
  const notable: string[][] = [];
  for (const g of a.missingness.groups) {
    if (g.rows < Math.max(1, floor)) continue;
    g.ratio.forEach((r, j) => {
      if (r !== null && (r >= 1.5 || r <= 1 / 1.5) && a.missingness.overallRate[j]! >= 0.001)
        notable.push([g.label, a.missingness.columns[j]!, pct(g.rate[j]!), pct(a.missingness.overallRate[j]!), ratio(r)]);
    });
  }
  lines.push('');
  if (notable.length === 0) lines.push(`Missingness of other columns: no group of ${floor}+ rows is 1.5× above or below the overall rate.`);
  else {
    lines.push('Missingness of other columns that differs by group (1.5× or more either way; groups of ' + `${floor}+ rows):`);
    lines.push(textTable(['Group', 'Column', 'Missing in group', 'Overall', 'Ratio'], notable.slice(0, 30)));
    if (notable.length > 30) lines.push(`… and ${notable.length - 30} more (see --json).`);
  }
  return lines;
}

export function formatAnalysis(result: AnalysisResult, fileName: string): string {
  const s = result.settings;
  const lines = [
    `${fileName}: ${formatCount(result.rows)} rows, ${result.attributes.length} mapped attribute(s)${result.reference ? `, compared with ${result.reference.name}` : ', no reference population'}.`,
    `Flags: UNDER/OVER when the representation ratio's interval (95%, Bonferroni-adjusted over the groups) lies outside ${s.parityBand[0]}–${s.parityBand[1]}; small = fewer than ${s.reliabilityFloor} rows.`,
    '',
  ];
  for (const w of result.warnings) lines.push(`Warning: ${w}`);
  if (result.warnings.length) lines.push('');
  for (const a of result.attributes) lines.push(...attributeSection(a, result), '');

  if (result.intersections.length) {
    lines.push('Intersections', '=============');
    lines.push(
      textTable(
        ['Attributes', 'Cells', 'Empty', `Small (<${s.smallCell})`],
        result.intersections.map((x) => [x.dimensions.map((d) => d.name).join(' × '), formatCount(x.realCells), formatCount(x.emptyCells.length), formatCount(x.smallCells.length)]),
      ),
      '(cells of real categories; not stated / not known / unmapped are counted in the JSON but not flagged)',
      '',
    );
  }
  if (result.outcome) {
    const o = result.outcome;
    lines.push(`Outcome: ${o.column}`, '='.repeat(9 + o.column.length));
    lines.push(`Positive: ${o.positiveFrom === 'stated' ? 'as stated' : 'recognised yes/no'}. Overall prevalence ${o.overall.prevalence === null ? '—' : pct(o.overall.prevalence)} of ${formatCount(o.overall.recorded)} recorded; ${formatCount(o.overall.missing)} missing.`, '');
    for (const by of o.byAttribute) {
      const attr = result.attributes[by.attribute]!;
      const refLabel = by.groups.find((g) => g.key === by.referenceGroup)?.label ?? '—';
      lines.push(`By ${attr.column} (ratios to ${refLabel}):`);
      lines.push(
        textTable(
          ['Group', 'Recorded', 'Positive', 'Prevalence (95% CI)', 'Ratio', 'Missing'],
          by.groups.map((g) => [g.label, formatCount(g.recorded), formatCount(g.positive), g.prevalence === null ? '—' : `${pct(g.prevalence)} (${pct(g.interval.low)}–${pct(g.interval.high)})`, ratio(g.ratioToReference), formatCount(g.missing)]),
        ),
        '',
      );
    }
  }
  if (result.period) {
    const p = result.period;
    lines.push(`By ${p.granularity}: ${p.column}`, '='.repeat(5 + p.granularity.length + p.column.length));
    for (const by of result.period.byAttribute) {
      const attr = result.attributes[by.attribute]!;
      const real = by.keys.map((k, i) => ({ k, i })).filter(({ k }) => !['not-stated', 'not-known', 'unmapped'].includes(k));
      const shown = real.slice(0, 8);
      const ns = by.keys.indexOf('not-stated');
      const nk = by.keys.indexOf('not-known');
      lines.push(`${attr.column}: share of rows in a category${real.length > shown.length ? ` (first ${shown.length} groups; all in --json)` : ''}, and the attribute's own missingness`);
      lines.push(
        textTable(
          ['Period', 'Rows', ...shown.map(({ k }) => k), 'Not stated', 'Not known'],
          p.periods.map((period, pi) => {
            const counts = by.counts[pi]!;
            const inCat = real.reduce((t, { i }) => t + counts[i]!, 0);
            const rows = p.rows[pi]!;
            return [period, formatCount(rows), ...shown.map(({ i }) => (inCat ? pct(counts[i]! / inCat) : '—')), ns >= 0 && rows ? pct(counts[ns]! / rows) : '0.0%', nk >= 0 && rows ? pct(counts[nk]! / rows) : '0.0%'];
          }),
        ),
        '',
      );
    }
  }
  return lines.join('\n').trimEnd();
}
