// `represent`: the command line over the same services as the desktop app (no Electron here).
import { RepresentError } from '../../shared/errors';
import { ExitCode } from './exit-codes';
import { UsageError, type Command, type CliIO } from './command';

/**
 * Each command is imported when it runs (esbuild splits them into chunks, build/build-node.mjs), so
 * `represent profile` does not compile the report renderers, the store or the disclosure code
 * first: start-up cost that counts against every run.
 */
const commandLoaders: Record<string, () => Promise<Command>> = {
  profile: async () => (await import('./commands/profile')).profileCommand,
  sample: async () => (await import('./commands/sample')).sampleCommand,
  demo: async () => (await import('./commands/demo')).demoCommand,
  request: async () => (await import('./commands/request')).requestCommand,
  review: async () => (await import('./commands/review')).reviewCommand,
  verify: async () => (await import('./commands/verify')).verifyCommand,
  keys: async () => (await import('./commands/keys')).keysCommand,
  audit: async () => (await import('./commands/audit')).auditCommand,
  analyse: async () => (await import('./commands/analyse')).analyseCommand,
  mapping: async () => (await import('./commands/mapping')).mappingCommand,
  report: async () => (await import('./commands/report')).reportCommand,
  answers: async () => (await import('./commands/answers')).answersCommand,
};

/** Commands whose run is one pass over a data file (mapping: `mapping suggest`). */
const READS_A_FILE = new Set(['profile', 'analyse', 'report', 'mapping']);

/**
 * Boots the pass's worker threads while the command's own code loads (profile-job warmWorkers).
 * Best effort: any failure here is left to the pass, which starts its threads itself.
 */
async function warm(args: string[]): Promise<void> {
  try {
    const at = args.indexOf('--workers');
    const asked = at >= 0 ? Number(args[at + 1]) : NaN;
    const { warmWorkers } = await import('../services/profile-job');
    if (Number.isInteger(asked) && asked >= 1) warmWorkers(asked);
    else warmWorkers();
  } catch {
    // The pass starts its own threads.
  }
}

async function help(): Promise<string> {
  const commands = await Promise.all(Object.values(commandLoaders).map((load) => load()));
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Usage: represent <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `represent <command> --help` for a command’s options.',
  ].join('\n');
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.stdout.write((await help()) + '\n');
    return name ? ExitCode.ok : ExitCode.usage;
  }
  const load = Object.hasOwn(commandLoaders, name) ? commandLoaders[name] : undefined;
  if (!load) {
    io.stderr.write(`represent: unknown command "${name}".\n\n${await help()}\n`);
    return ExitCode.usage;
  }
  const wantsHelp = rest.includes('--help') || rest.includes('-h');
  if (!wantsHelp && READS_A_FILE.has(name)) void warm(rest);
  const command = await load();
  if (wantsHelp) {
    io.stdout.write(command.usage.trim() + '\n');
    return ExitCode.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`represent ${name}: ${e.message}\n\n${command.usage.trim()}\n`);
      return ExitCode.usage;
    }
    if (e instanceof RepresentError) {
      if (e.code === 'cancelled') {
        io.stderr.write(`\n${e.message}\n`);
        return ExitCode.cancelled;
      }
      io.stderr.write(`represent ${name}: ${e.message}\n`);
      return e.code === 'internal' ? ExitCode.internal : ExitCode.badInput;
    }
    // Unexpected: print the stack (code locations only) but not the message, which could
    // quote data from a third-party parser.
    const err = e as Error;
    const frames = (err?.stack ?? '').split('\n').slice(1).join('\n');
    io.stderr.write(`represent ${name}: an unexpected ${err?.name ?? 'error'} occurred. Please report it.\n${frames}\n`);
    return ExitCode.internal;
  }
}

const controller = new AbortController();
let interrupted = false;
process.on('SIGINT', () => {
  if (interrupted) process.exit(ExitCode.cancelled);
  interrupted = true;
  controller.abort();
});

main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, signal: controller.signal }).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`represent: ${(e as Error)?.name ?? 'error'}\n`);
    process.exitCode = ExitCode.internal;
  },
);
