// `represent`: the command line over the same services as the desktop app (no Electron here).
import { RepresentError } from '../../shared/errors';
import { ExitCode } from './exit-codes';
import { UsageError, type Command, type CliIO } from './command';
import { profileCommand } from './commands/profile';
import { sampleCommand } from './commands/sample';
import { demoCommand } from './commands/demo';
import { requestCommand } from './commands/request';
import { reviewCommand } from './commands/review';
import { verifyCommand } from './commands/verify';
import { keysCommand } from './commands/keys';
import { auditCommand } from './commands/audit';
import { reportCommand } from './commands/report';
import { answersCommand } from './commands/answers';
import { analyseCommand } from './commands/analyse';
import { mappingCommand } from './commands/mapping';

const commands: Command[] = [profileCommand, sampleCommand, demoCommand, requestCommand, reviewCommand, verifyCommand, keysCommand, auditCommand, analyseCommand, mappingCommand, reportCommand, answersCommand];

function help(): string {
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
    io.stdout.write(help() + '\n');
    return name ? ExitCode.ok : ExitCode.usage;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`represent: unknown command "${name}".\n\n${help()}\n`);
    return ExitCode.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
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
