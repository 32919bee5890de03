import { profileFile } from '../../services/profile-job';
import { writeFileAtomic } from '../../services/atomic-write';
import { ExitCode } from '../exit-codes';
import { intOption, parseCommandArgs, UsageError, type Command } from '../command';
import { createProgressBar } from '../progress-bar';
import { formatProfileSummary } from '../format-profile';
import type { Delimiter, TextEncodingName } from '../../../shared/ingest/dialect';
import { DEFAULT_PROFILE_OPTIONS } from '../../../shared/profile';
import { NO_STORE_OPTION, NO_STORE_USAGE, openRecorder } from '../no-store-option';

const ENCODINGS: TextEncodingName[] = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'];
const DELIMITERS: Record<string, Delimiter> = { ',': ',', comma: ',', tab: '\t', '\\t': '\t', ';': ';', semicolon: ';', '|': '|', pipe: '|' };

export const profileCommand: Command = {
  name: 'profile',
  summary: 'Profile a CSV in one streaming pass: types, missingness, distinct counts, identifiers.',
  usage: `
Usage: represent profile FILE [--json OUT] [--workers N] [--no-store] [options]

  --json OUT            write the full profile as JSON (schema: shared/profile/profile.schema.json)
  --workers N           worker threads (default: the number of cores); results are identical for any N
  --encoding E          override the detected encoding: utf-8, utf-16le, utf-16be, windows-1252
  --delimiter D         override the detected delimiter: comma, tab, semicolon, pipe
  --no-header           the first row is data, not column names
  --missing-token T     also count T as missing (repeatable); empty, whitespace, NULL, NA, N/A and
                        "Not known" are always missing
  --quiet               no summary on stdout (errors still go to stderr)
${NO_STORE_USAGE}

The file's fingerprint (name, path, size, modified time, SHA-256), its column names and types and
the profile's value-free overview are recorded in this Represent home's store, with audit events.

Identifier columns (NHS numbers, postcodes, dates of birth, emails, phone numbers, names, record
keys) keep their counts but never their values: no frequencies, no minimum or maximum.
`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      json: { type: 'string' },
      workers: { type: 'string' },
      encoding: { type: 'string' },
      delimiter: { type: 'string' },
      'no-header': { type: 'boolean', default: false },
      'missing-token': { type: 'string', multiple: true },
      quiet: { type: 'boolean', default: false },
      ...NO_STORE_OPTION,
    });
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'FILE is required.' : 'give exactly one FILE.');
    const file = positionals[0]!;
    const encoding = values.encoding as TextEncodingName | undefined;
    if (encoding !== undefined && !ENCODINGS.includes(encoding)) {
      throw new UsageError(`--encoding expects one of ${ENCODINGS.join(', ')}; got "${encoding}".`);
    }
    const delimiter = values.delimiter === undefined ? undefined : DELIMITERS[values.delimiter];
    if (values.delimiter !== undefined && delimiter === undefined) {
      throw new UsageError(`--delimiter expects comma, tab, semicolon or pipe; got "${values.delimiter}".`);
    }
    const workers = intOption(values.workers, 'workers', 1);

    // The store first: a locked or unwritable one stops the command before the file is read.
    const recorder = await openRecorder(values['no-store']);
    try {
      const bar = createProgressBar(io.stderr);
      let profile;
      try {
        profile = await profileFile(file, {
          workers,
          signal: io.signal,
          onProgress: (p) => bar.update(p),
          dialect: { encoding, delimiter, ...(values['no-header'] ? { hasHeader: false } : {}) },
          profile: values['missing-token'] ? { missingTokens: [...DEFAULT_PROFILE_OPTIONS.missingTokens, ...values['missing-token']] } : {},
        });
      } finally {
        bar.done();
      }
      recorder?.recordProfile(file, profile);
      if (values.json) await writeFileAtomic(values.json, JSON.stringify(profile, null, 2) + '\n');
      if (!values.quiet) io.stdout.write(formatProfileSummary(profile) + '\n');
      return ExitCode.ok;
    } finally {
      recorder?.close();
    }
  },
};
