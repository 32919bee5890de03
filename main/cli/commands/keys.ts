// `represent keys`: who you are in this Represent home, your signing key, and trusted keys.
import { promises as fs } from 'node:fs';
import { RepresentError } from '../../../shared/errors';
import { ExitCode } from '../exit-codes';
import { parseCommandArgs, UsageError, type CliIO, type Command } from '../command';
import { textTable } from '../format';
import { openHome, type Home } from '../../services/export-workflow/workspace';
import { isRole, saveLocalProfile } from '../../services/export-workflow/identity';
import { exportPublicKey, generateSigningKey, readPublicKeyFile, trustPublicKeyFile, MIN_PASSPHRASE_LENGTH } from '../../services/export-workflow/keys';
import { currentIdentity } from '../../store/identities';
import { listSigningKeys } from '../../store/signing-keys';

/** Opens this user's Represent home for one command and always closes it. */
export async function withHome<T>(fn: (home: Home) => Promise<T> | T): Promise<T> {
  const home = openHome();
  try {
    return await fn(home);
  } finally {
    home.db.close();
  }
}

/** Reads a passphrase without echo from the terminal (Ctrl+C cancels). */
function promptHidden(prompt: string, io: CliIO): Promise<string> {
  const stdin = process.stdin;
  return new Promise((resolve, reject) => {
    io.stderr.write(prompt);
    let value = '';
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const done = (err: Error | null) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      io.stderr.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done(null);
        if (ch === '\u0003') return done(new RepresentError('cancelled', 'Stopped. Nothing was changed.'));
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else if (ch >= ' ') value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

async function firstLineOfStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

export const PASSPHRASE_OPTIONS = {
  'passphrase-file': { type: 'string' },
  'passphrase-stdin': { type: 'boolean', default: false },
} as const;

/** The passphrase from --passphrase-file, --passphrase-stdin or a hidden terminal prompt (twice when `confirm`). */
export async function readPassphrase(values: { 'passphrase-file'?: string; 'passphrase-stdin'?: boolean }, io: CliIO, confirm = false): Promise<string> {
  if (values['passphrase-file'] !== undefined) {
    const file = values['passphrase-file'];
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch {
      throw new RepresentError('file-not-found', 'The passphrase file could not be read.', { location: { file } });
    }
    return text.split(/\r?\n/)[0] ?? '';
  }
  if (values['passphrase-stdin']) return firstLineOfStdin();
  if (!process.stdin.isTTY) throw new UsageError('a passphrase is needed: run in a terminal, or use --passphrase-file FILE or --passphrase-stdin.');
  const first = await promptHidden('Passphrase: ', io);
  if (confirm && (await promptHidden('Passphrase again: ', io)) !== first)
    throw new RepresentError('bad-argument', 'The two passphrases differ. Nothing was changed.');
  return first;
}

const USAGE = `
Usage: represent keys <action> [options]

  profile [--name NAME --role analyst|reviewer]
                      show, or set, who you are in this Represent home (your OS user name is
                      recorded alongside)
  generate [--passphrase-file FILE | --passphrase-stdin]
                      create your Ed25519 signing key (reviewers). The private key is kept only
                      encrypted under your passphrase (at least ${MIN_PASSPHRASE_LENGTH} characters); without a
                      passphrase option you are asked for it twice, without echo.
  list                your signing keys and their fingerprints
  export --out FILE   write your public key file, for the TRE to publish as trusted
  show FILE           check a public key file and print its fingerprint
  trust FILE          add a public key to this home's trusted-keys folder (used by verify)

The Represent home is $REPRESENT_HOME, else the per-user app-data folder.
`;

export const keysCommand: Command = {
  name: 'keys',
  summary: 'Your profile and signing key; export, check and trust public keys.',
  usage: USAGE,
  async run(argv, io) {
    const [action, ...rest] = argv;
    switch (action) {
      case 'profile': {
        const { values, positionals } = parseCommandArgs(rest, { name: { type: 'string' }, role: { type: 'string' } });
        if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}".`);
        return withHome(({ db }) => {
          if (values.name === undefined && values.role === undefined) {
            const me = currentIdentity(db);
            if (!me) {
              io.stdout.write('No profile yet. Set one with: represent keys profile --name NAME --role analyst|reviewer\n');
              return ExitCode.ok;
            }
            io.stdout.write(`${me.displayName} (${me.role}, OS user ${me.osUser})\nProfile id: ${me.id}\n`);
            return ExitCode.ok;
          }
          const me = currentIdentity(db);
          const role = values.role ?? me?.role;
          const name = values.name ?? me?.displayName;
          if (!role || !isRole(role)) throw new UsageError('--role expects analyst or reviewer.');
          if (!name) throw new UsageError('--name NAME is required for a new profile.');
          const saved = saveLocalProfile(db, { displayName: name, role });
          io.stdout.write(`Profile saved: ${saved.displayName} (${saved.role}, OS user ${saved.osUser}).\n`);
          return ExitCode.ok;
        });
      }
      case 'generate': {
        const { values, positionals } = parseCommandArgs(rest, PASSPHRASE_OPTIONS);
        if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}".`);
        return withHome(async ({ db }) => {
          const passphrase = await readPassphrase(values, io, true);
          const key = await generateSigningKey(db, passphrase);
          io.stdout.write(`Created an Ed25519 signing key.\nFingerprint: ${key.fingerprint}\nExport the public key for your TRE with: represent keys export --out FILE\n`);
          return ExitCode.ok;
        });
      }
      case 'list': {
        const { positionals } = parseCommandArgs(rest, {});
        if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}".`);
        return withHome(({ db }) => {
          const keys = listSigningKeys(db);
          if (keys.length === 0) io.stdout.write('No signing keys. Reviewers create one with: represent keys generate\n');
          else io.stdout.write(textTable(['Fingerprint', 'Created', 'State'], keys.map((k) => [k.fingerprint, k.createdAt, k.retiredAt ? `retired ${k.retiredAt}` : 'active'])) + '\n');
          return ExitCode.ok;
        });
      }
      case 'export': {
        const { values, positionals } = parseCommandArgs(rest, { out: { type: 'string' } });
        if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}".`);
        if (!values.out) throw new UsageError('--out FILE is required.');
        const out = values.out;
        return withHome(async ({ db }) => {
          const { file, fingerprint } = await exportPublicKey(db, out);
          io.stdout.write(`Wrote your public key (fingerprint ${fingerprint}) to ${file}\n`);
          return ExitCode.ok;
        });
      }
      case 'show': {
        const { positionals } = parseCommandArgs(rest, {});
        if (positionals.length !== 1) throw new UsageError('give exactly one key FILE.');
        const key = await readPublicKeyFile(positionals[0]!);
        io.stdout.write(`Ed25519 public key${key.ownerName ? ` of ${key.ownerName}` : ''}\nFingerprint: ${key.fingerprint}\n`);
        return ExitCode.ok;
      }
      case 'trust': {
        const { positionals } = parseCommandArgs(rest, {});
        if (positionals.length !== 1) throw new UsageError('give exactly one key FILE.');
        return withHome(async ({ db, dir }) => {
          const key = await trustPublicKeyFile(db, dir, positionals[0]!);
          io.stdout.write(`Trusted${key.ownerName ? ` ${key.ownerName}'s` : ''} key ${key.fingerprint}.\n`);
          return ExitCode.ok;
        });
      }
      default:
        throw new UsageError(action ? `unknown action "${action}".` : 'an action is required.');
    }
  },
};
