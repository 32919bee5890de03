// `represent report`: build the STANDING Together standards report for a file and write it as a
// folder (HTML, JSON, Markdown, one CSV per table, optionally PDF), screened before it is written.
import path from 'node:path';
import { isPresetId, parsePolicyText, presetPolicy, type Policy } from '../../../shared/disclosure';
import { RepresentError } from '../../../shared/errors';
import { promises as fs } from 'node:fs';
import { ExitCode } from '../exit-codes';
import { parseCommandArgs, UsageError, type Command } from '../command';
import { assembleReport, fingerprintFile, readAnswersFile, readSectionsFile } from '../../services/report/build-report';
import { writeReportFolder } from '../../services/report/write-report';
import { analyseForReport } from '../../services/report/analyse-for-report';
import { createProgressBar } from '../progress-bar';
import { readMappingFile, suggestFor } from './mapping';
import { listReferences } from '../../../shared/reference';
import type { ReferenceChoice } from '../../../shared/analysis';
import type { MappingDocument } from '../../../shared/demographics';
import type { DatasetProfile } from '../../../shared/profile';
import { readReferenceFile } from '../../services/report/reference-file';
import { NO_STORE_OPTION, NO_STORE_USAGE, openRecorder } from '../no-store-option';
import { policyUnderLock } from '../policy-under-lock';

/** --policy, else acro-default; either way within a policy the TRE locked in this home. */
async function policyFrom(value: string | undefined): Promise<Policy> {
  return policyUnderLock(value === undefined ? undefined : await readPolicyOption(value), () => readPolicyOption('acro-default'));
}

async function readPolicyOption(id: string): Promise<Policy> {
  if (isPresetId(id)) return presetPolicy(id);
  const text = await fs.readFile(id, 'utf8').catch(() => {
    throw new RepresentError('file-not-found', 'The policy file could not be read.', { location: { file: id } });
  });
  return parsePolicyText(text, path.basename(id));
}

export const reportCommand: Command = {
  name: 'report',
  summary: 'Write the STANDING Together standards report (HTML, JSON, Markdown, CSV, PDF) for a file.',
  usage: `
Usage: represent report FILE --out DIR [--mapping MAPPING.json] [--reference ID | --reference-file REF.csv]
                        [--answers ANSWERS.json] [--policy PRESET|POLICY.json] [--statistics STATS.json]
                        [--title TEXT] [--pdf] [--force] [--no-store]

  --out DIR           the report folder to write (report.html, report.json, report.md, tables/*.csv)
  --mapping FILE      the mapping document (default: the one \`represent mapping suggest\` proposes)
  --reference ID      a built-in Census 2021 population to compare with (default
                      census2021-england-and-wales)
  --reference-file F  instead: a reference population CSV (columns attribute, category, count or
                      share; optional scheme, label, source, date), e.g. a catchment; with
                      --statistics, sections name it by the id "custom:" + its file name
  --statistics FILE   instead of analysing FILE: the report's tables as true statistics,
                      {"sections": [{"role", "statistic", "reference": {"id", "attribute", "scheme"}?,
                      "variable"?}]}; they are protected under the policy like the analysis's
  --answers FILE      the curator's answers (start one with: represent answers template)
  --policy P          acro-default (default), opensafely, nhs-england-subnational, uk-llc, or a policy file
  --pdf               also print report.pdf with headless Chromium, when one is installed
  --force             replace DIR if it exists and is not empty
${NO_STORE_USAGE}

FILE is fingerprinted (size, modified time, SHA-256) so the report names the exact data it
describes. Every rendered file passes the export screen before the folder is written; if any
check fails nothing is written. The folder appears complete or not at all.

The dataset (fingerprint, column names and types, the profile's value-free overview), the mapping
used and the report built (policy and its SHA-256, every file's SHA-256) are recorded in this
Represent home's store, with audit events.
`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      out: { type: 'string' },
      statistics: { type: 'string' },
      answers: { type: 'string' },
      policy: { type: 'string' },
      mapping: { type: 'string' },
      reference: { type: 'string' },
      'reference-file': { type: 'string' },
      title: { type: 'string' },
      pdf: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      ...NO_STORE_OPTION,
    });
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'FILE is required.' : 'give exactly one FILE.');
    if (!values.out) throw new UsageError('--out DIR is required.');
    const file = positionals[0]!;
    if (values.statistics && (values.mapping || values.reference)) throw new UsageError('give --statistics, or --mapping/--reference, not both.');
    if (values.reference && values['reference-file']) throw new UsageError('give --reference or --reference-file, not both.');
    const reference = values.reference ?? 'census2021-england-and-wales';
    if (!listReferences().some((r) => r.id === reference))
      throw new UsageError(`--reference expects one of ${listReferences().map((r) => r.id).join(', ')}; got "${reference}".`);
    // Read the reference file first: a bad one should fail before a long pass over FILE.
    const customReference = values['reference-file'] ? await readReferenceFile(values['reference-file']) : undefined;
    const referenceChoice: ReferenceChoice = customReference ? { custom: customReference } : { builtIn: reference };
    const policy = await policyFrom(values.policy);
    const answers = values.answers ? await readAnswersFile(values.answers) : undefined;
    // The store before the long pass: a locked or unwritable one stops the command first.
    const recorder = await openRecorder(values['no-store']);
    try {
      let dataset;
      let sections;
      let analysed: { profile: DatasetProfile; mapping: MappingDocument } | undefined;
      if (values.statistics) {
        sections = await readSectionsFile(values.statistics, customReference);
        dataset = await fingerprintFile(file, io.signal);
      } else {
        let mapping: unknown;
        if (values.mapping !== undefined) mapping = await readMappingFile(values.mapping);
        else {
          mapping = (await suggestFor(file, io, {})).mapping;
          io.stderr.write('No --mapping given: using the mapping `represent mapping suggest` proposes (review it before relying on the report).\n');
        }
        const bar = createProgressBar(io.stderr);
        try {
          let profile, used;
          ({ dataset, sections, profile, mapping: used } = await analyseForReport(file, { mapping, reference: referenceChoice, signal: io.signal, onProgress: (p) => bar.update(p) }));
          analysed = { profile, mapping: used };
        } finally {
          bar.done();
        }
      }
      const report = assembleReport({ dataset, sections, ...(answers ? { answers } : {}), policy, ...(values.title ? { title: values.title } : {}) });
      const written = await writeReportFolder(report, values.out, { force: values.force, pdf: values.pdf });
      recorder?.recordReport(
        file,
        analysed ?? { fingerprint: dataset },
        report,
        written.files.map((f) => ({ path: f.name, sha256: f.sha256 })),
        `The report folder ${written.dir} was written, but the store does not record it.`,
      );
      const counts = { complete: 0, partial: 0, 'not-available': 0, missing: 0 };
      for (const c of report.completeness) counts[c.status]++;
      io.stdout.write(`Wrote the standards report to ${written.dir} (${written.files.length} files; export screen: ${written.screen.outcome}).\n`);
      io.stdout.write(`Documentation: ${counts.complete} complete, ${counts.partial} partial, ${counts['not-available']} not available, ${counts.missing} missing of ${report.completeness.length} items. Flags: ${report.flags.length}.\n`);
      if (written.pdf && !written.pdf.written) io.stdout.write(`No PDF: ${written.pdf.reason}.\n`);
      return ExitCode.ok;
    } finally {
      recorder?.close();
    }
  },
};
