// `represent mapping suggest FILE > m.json`: profile the file and propose a mapping document for
// the user to review (shared/demographics suggestMapping).
import { readFile } from 'node:fs/promises';
import { profileFile } from '../../services/profile-job';
import { ExitCode } from '../exit-codes';
import { intOption, parseCommandArgs, UsageError, type Command } from '../command';
import { createProgressBar } from '../progress-bar';
import { suggestMapping, type ColumnProfileSummary, type MappingDocument } from '../../../shared/demographics';
import type { DatasetProfile } from '../../../shared/profile';
import { RepresentError } from '../../../shared/errors';

/** What the recognisers read from a profile (identifier columns carry no frequencies). */
export function profileSummaries(profile: DatasetProfile): ColumnProfileSummary[] {
  return profile.columns.map((c) => {
    const s: ColumnProfileSummary = { name: c.name, inferredType: c.type };
    if (c.frequencies) s.frequencies = c.frequencies;
    if (c.identifier) s.identifierKind = c.identifier.kind;
    return s;
  });
}

export async function suggestFor(file: string, io: { stderr: NodeJS.WriteStream; signal: AbortSignal }, options: { workers?: number; referenceDate?: string }): Promise<{ profile: DatasetProfile; mapping: MappingDocument }> {
  const bar = createProgressBar(io.stderr);
  let profile: DatasetProfile;
  try {
    profile = await profileFile(file, { workers: options.workers, signal: io.signal, onProgress: (p) => bar.update(p) });
  } finally {
    bar.done();
  }
  return { profile, mapping: suggestMapping(profileSummaries(profile), options.referenceDate ? { referenceDate: options.referenceDate } : {}) };
}

export const mappingCommand: Command = {
  name: 'mapping',
  summary: 'Suggest a mapping of columns to demographic attributes (mapping suggest FILE > m.json).',
  usage: `
Usage: represent mapping suggest FILE [--reference-date YYYY-MM-DD] [--workers N]

Profiles FILE and prints a suggested mapping document (JSON) on stdout: which columns hold
ethnicity, sex, gender, age, deprivation and region, how their codes are read, and an outcome and
period column when one is evident. Review it, then pass it to \`represent analyse --mapping\`.

  --reference-date D   the date ages are computed at for date-of-birth columns (default: today, UTC)
  --workers N          worker threads for the profiling pass (default: the number of cores)
`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { 'reference-date': { type: 'string' }, workers: { type: 'string' } });
    const [action, file, ...extra] = positionals;
    if (action !== 'suggest') throw new UsageError(action === undefined ? 'say what to do: suggest.' : `unknown action "${action}"; the only action is suggest.`);
    if (file === undefined || extra.length > 0) throw new UsageError(file === undefined ? 'FILE is required.' : 'give exactly one FILE.');
    const referenceDate = values['reference-date'];
    if (referenceDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(referenceDate)) throw new UsageError(`--reference-date expects YYYY-MM-DD; got "${referenceDate}".`);
    const { mapping } = await suggestFor(file, io, { workers: intOption(values.workers, 'workers', 1), referenceDate });
    io.stdout.write(JSON.stringify(mapping, null, 2) + '\n');
    return ExitCode.ok;
  },
};

/** Reads a mapping document from disk; the content is checked later against the file's columns. */
export async function readMappingFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new RepresentError('file-not-found', 'The mapping file cannot be read.', { expected: 'a readable JSON mapping document', found: 'no readable file', location: { file } });
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch {
    throw new RepresentError('bad-mapping', 'The mapping file is not valid JSON.', { expected: 'a JSON mapping document (represent mapping suggest writes one)', found: 'text that does not parse as JSON', location: { file } });
  }
}
