// `represent audit`: read and verify this home's hash-chained audit log.
import { ExitCode } from '../exit-codes';
import { intOption, parseCommandArgs, UsageError, type Command } from '../command';
import { textTable } from '../format';
import { auditHead, listAuditEvents, verifyAuditLog, type AuditHead } from '../../store/audit-log';
import { withHome } from './keys';

function parseAnchor(text: string): AuditHead {
  const m = /^(\d+):([0-9a-f]{64})$/.exec(text.trim());
  if (!m) throw new UsageError(`--anchor expects SEQ:HASH (an event number and its 64-digit hash); got "${text}".`);
  return { seq: Number(m[1]), hash: m[2]! };
}

export const auditCommand: Command = {
  name: 'audit',
  summary: 'Verify or list the tamper-evident audit log of this Represent home.',
  usage: `
Usage: represent audit verify [--anchor SEQ:HASH]...
       represent audit list [--limit N] [--type TYPE]
       represent audit head

  verify   re-compute the hash chain; any edited, deleted or reordered event fails (exit 4).
           An anchor is an event's number and hash recorded elsewhere (every bundle records its
           writer's head; "audit head" prints the current one): it also exposes a log cut short.
  list     the newest events (default 50), oldest first
  head     the newest event's number and hash, to note down as an anchor
`,
  async run(argv, io) {
    const [action, ...rest] = argv;
    switch (action) {
      case 'verify': {
        const { values, positionals } = parseCommandArgs(rest, { anchor: { type: 'string', multiple: true } });
        if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}".`);
        const anchors = (values.anchor ?? []).map(parseAnchor);
        return withHome(({ db }) => {
          const v = verifyAuditLog(db, { anchors });
          if (v.ok) {
            io.stdout.write(`Audit log OK: ${v.events} events, chain intact${anchors.length ? `, ${anchors.length} anchor(s) match` : ''}.\n`);
            if (v.head) io.stdout.write(`Head: ${v.head.seq}:${v.head.hash}\n`);
            return ExitCode.ok;
          }
          io.stderr.write(`Audit log FAILED verification (${v.problems.length} problem${v.problems.length > 1 ? 's' : ''} in ${v.events} events):\n`);
          for (const p of v.problems) io.stderr.write(`  event ${p.seq}: ${p.message}\n`);
          return ExitCode.checkFailed;
        });
      }
      case 'list': {
        const { values, positionals } = parseCommandArgs(rest, { limit: { type: 'string' }, type: { type: 'string' } });
        if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}".`);
        const limit = intOption(values.limit, 'limit', 1) ?? 50;
        return withHome(({ db }) => {
          const events = listAuditEvents(db, { limit, ...(values.type ? { type: values.type } : {}) });
          io.stdout.write(textTable(['#', 'Time', 'Actor', 'Event', 'Subject'], events.map((e) => [String(e.seq), e.at, e.actor.name, e.type, e.subject ?? ''])) + '\n');
          return ExitCode.ok;
        });
      }
      case 'head': {
        const { positionals } = parseCommandArgs(rest, {});
        if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}".`);
        return withHome(({ db }) => {
          const head = auditHead(db);
          io.stdout.write(head ? `${head.seq}:${head.hash}\n` : 'The audit log is empty.\n');
          return ExitCode.ok;
        });
      }
      default:
        throw new UsageError(action ? `unknown action "${action}".` : 'an action is required.');
    }
  },
};
