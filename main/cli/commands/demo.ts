// The main job on bundled sample data, for a first run on a fresh machine: write the seeded
// synthetic extract, profile it, and leave every output in one folder.
import path from 'node:path';
import { promises as fs } from 'node:fs';
import { writeSampleExtract } from '../../services/sample-data';
import { profileFile } from '../../services/profile-job';
import { writeFileAtomic } from '../../services/atomic-write';
import { ExitCode } from '../exit-codes';
import { intOption, parseCommandArgs, UsageError, type Command } from '../command';
import { createProgressBar } from '../progress-bar';
import { formatProfileSummary } from '../format-profile';
import { formatCount } from '../format';

export const demoCommand: Command = {
  name: 'demo',
  summary: 'Run the main job on synthetic sample data and write the outputs to a folder.',
  usage: `
Usage: represent demo [--out DIR] [--rows N]

  --out DIR   output folder (default out/demo)
  --rows N    rows of synthetic data (default 100000)

Writes DIR/synthetic-extract.csv (seed 42) and DIR/profile.json, and prints the profile.
`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { out: { type: 'string' }, rows: { type: 'string' } });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}".`);
    const dir = path.resolve(values.out ?? 'out/demo');
    const rows = intOption(values.rows, 'rows', 1) ?? 100_000;
    await fs.mkdir(dir, { recursive: true });

    const csv = path.join(dir, 'synthetic-extract.csv');
    io.stderr.write(`1/2 Writing ${formatCount(rows)} synthetic rows to ${csv}\n`);
    await writeSampleExtract(csv, { rows, seed: 42, messy: true }, io.signal);

    io.stderr.write(`2/2 Profiling ${csv}\n`);
    const bar = createProgressBar(io.stderr);
    const profile = await profileFile(csv, { signal: io.signal, onProgress: (p) => bar.update(p) }).finally(() => bar.done());
    const profilePath = path.join(dir, 'profile.json');
    await writeFileAtomic(profilePath, JSON.stringify(profile, null, 2) + '\n');
    io.stdout.write(formatProfileSummary(profile) + '\n\n');
    io.stdout.write(`Outputs in ${dir}:\n  synthetic-extract.csv  the sample data\n  profile.json           the full profile\n`);
    return ExitCode.ok;
  },
};
