// The main job on bundled sample data, for a first run on a fresh machine. It is a script of the
// real commands, so it shows exactly what an analyst would type: write the seeded synthetic
// extract, profile it, suggest a mapping, analyse representation, and build the standards report.
import path from 'node:path';
import { promises as fs } from 'node:fs';
import { ExitCode } from '../exit-codes';
import { intOption, parseCommandArgs, UsageError, type Command, type CliIO } from '../command';
import { sampleCommand } from './sample';
import { profileCommand } from './profile';
import { mappingCommand } from './mapping';
import { analyseCommand } from './analyse';
import { reportCommand } from './report';

export const demoCommand: Command = {
  name: 'demo',
  summary: 'Run the main job on synthetic sample data and write the outputs to a folder.',
  usage: `
Usage: represent demo [--out DIR] [--rows N]

  --out DIR   output folder (default out/demo); replaced if it holds an earlier demo
  --rows N    rows of synthetic data (default 100000)

Runs, in order, what an analyst would:
  represent sample --messy --out DIR/synthetic-extract.csv
  represent profile DIR/synthetic-extract.csv --json DIR/profile.json
  represent mapping suggest DIR/synthetic-extract.csv > DIR/mapping.json
  represent analyse DIR/synthetic-extract.csv --mapping DIR/mapping.json --json DIR/analysis.json
  represent report DIR/synthetic-extract.csv --mapping DIR/mapping.json --out DIR/report
`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { out: { type: 'string' }, rows: { type: 'string' } });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}".`);
    const dir = path.resolve(values.out ?? 'out/demo');
    const rows = intOption(values.rows, 'rows', 1) ?? 100_000;
    await fs.mkdir(dir, { recursive: true });
    const csv = path.join(dir, 'synthetic-extract.csv');
    const mapping = path.join(dir, 'mapping.json');

    const steps: { title: string; run: () => Promise<number> }[] = [
      { title: `Write ${rows.toLocaleString('en-GB')} synthetic rows`, run: () => sampleCommand.run(['--messy', '--rows', String(rows), '--out', csv], io) },
      { title: 'Profile the file', run: () => profileCommand.run([csv, '--json', path.join(dir, 'profile.json')], io) },
      { title: 'Suggest a mapping', run: () => captureStdout(io, mapping, (captured) => mappingCommand.run(['suggest', csv], captured)) },
      { title: 'Analyse representation against Census 2021', run: () => analyseCommand.run([csv, '--mapping', mapping, '--json', path.join(dir, 'analysis.json')], io) },
      { title: 'Build the standards report', run: () => reportCommand.run([csv, '--mapping', mapping, '--out', path.join(dir, 'report'), '--force'], io) },
    ];
    for (const [i, step] of steps.entries()) {
      io.stderr.write(`\n${i + 1}/${steps.length} ${step.title}\n`);
      const code = await step.run();
      if (code !== ExitCode.ok) return code;
    }
    io.stdout.write(
      `\nOutputs in ${dir}:\n` +
        '  synthetic-extract.csv  the sample data (synthetic: no real person)\n' +
        '  profile.json           the full profile (stays inside the TRE)\n' +
        '  mapping.json           the suggested mapping: review and edit it\n' +
        '  analysis.json          exact counts and representation figures (stays inside the TRE)\n' +
        '  report/                the protected standards report: report.html, report.json, report.md, tables/\n',
    );
    return ExitCode.ok;
  },
};

/** Runs a command with its stdout going to a file (as `> file` would), written whole at the end. */
async function captureStdout(io: CliIO, target: string, run: (io: CliIO) => Promise<number>): Promise<number> {
  let text = '';
  const sink = Object.assign(Object.create(io.stdout) as NodeJS.WriteStream, {
    write: (chunk: string | Uint8Array) => {
      text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      return true;
    },
  });
  const code = await run({ ...io, stdout: sink });
  if (code === ExitCode.ok) await fs.writeFile(target, text);
  return code;
}
