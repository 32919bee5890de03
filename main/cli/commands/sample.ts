import { RepresentError } from '../../../shared/errors';
import { writeSampleExtract } from '../../services/sample-data';
import { ExitCode } from '../exit-codes';
import { intOption, parseCommandArgs, UsageError, type Command } from '../command';
import { formatBytes, formatCount } from '../format';

export const sampleCommand: Command = {
  name: 'sample',
  summary: 'Write a seeded synthetic NHS-like extract (Census 2021 distributions) as CSV.',
  usage: `
Usage: represent sample --out FILE [--rows N] [--seed S] [--messy]

  --out FILE   where to write the CSV (written to a temp file, then renamed)
  --rows N     data rows (default 100000; 1000000 is about 100 MB)
  --seed S     random seed (default 42): the same seed always writes the same file
  --messy      add the robustness variants real extracts have: local codes (A1), lower case,
               blanks, NULL, retired sex codes, words, stray letters, quoted commas
`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      out: { type: 'string' },
      rows: { type: 'string' },
      seed: { type: 'string' },
      messy: { type: 'boolean', default: false },
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}".`);
    if (!values.out) throw new UsageError('--out FILE is required.');
    const rows = intOption(values.rows, 'rows', 1) ?? 100_000;
    const seed = intOption(values.seed, 'seed', 0) ?? 42;
    try {
      const { bytes } = await writeSampleExtract(values.out, { rows, seed, messy: values.messy }, io.signal);
      io.stderr.write(`Wrote ${formatCount(rows)} synthetic rows (${formatBytes(bytes)}) to ${values.out}\n`);
      return ExitCode.ok;
    } catch (e) {
      if (io.signal.aborted) throw new RepresentError('cancelled', 'Stopped. No file was written.');
      throw e;
    }
  },
};
