// `represent request`: write an export request bundle, list requests, open the reviewer's outcome.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { RepresentError } from '../../../shared/errors';
import { isPresetId, parsePolicyText, presetPolicy, parsePolicy, type Policy } from '../../../shared/disclosure';
import { ExitCode } from '../exit-codes';
import { parseCommandArgs, UsageError, type Command } from '../command';
import { textTable } from '../format';
import { createExportRequest } from '../../services/export-workflow/request';
import { receiveOutcome } from '../../services/export-workflow/outcome';
import { trustedKeysFor } from '../../services/export-workflow/workspace';
import { screenFormatOf } from '../../services/export-workflow/screenable';
import { ACRO_RESULTS_NAME } from '../../services/export-workflow/formats';
import { sha256File } from '../../services/fingerprint';
import { getActivePolicy } from '../../store/settings';
import { listExportRequests } from '../../store/export-requests';
import type { Db } from '../../store/database-type';
import { withHome } from './keys';
import { policyUnderLock } from '../policy-under-lock';

async function readFileOrFail(file: string): Promise<Buffer> {
  try {
    return await fs.readFile(file);
  } catch {
    throw new RepresentError('file-not-found', 'A file for the request could not be read.', { location: { file } });
  }
}

async function readJsonFile(file: string, what: string): Promise<unknown> {
  const text = (await readFileOrFail(file)).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new RepresentError('bad-argument', `The ${what} file is not valid JSON.`, { expected: 'JSON', found: 'text that does not parse', location: { file } });
  }
}

/** Screenable files under a folder, named by their path relative to it. */
async function filesUnder(dir: string): Promise<{ name: string; file: string }[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true }).catch(() => {
    throw new RepresentError('file-not-found', 'The report folder could not be read.', { location: { file: dir } });
  });
  return entries
    .filter((e) => e.isFile() && screenFormatOf(e.name) !== undefined)
    .map((e) => {
      const file = path.join(e.parentPath, e.name);
      return { name: path.relative(dir, file).split(path.sep).join('/'), file };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** --policy, else the policy set in this home; either way within a policy the TRE locked here. */
async function resolvePolicyOption(db: Db, value: string | undefined): Promise<Policy> {
  return policyUnderLock(value === undefined ? undefined : await readPolicyOption(db, value), () => readPolicyOption(db, undefined));
}

async function readPolicyOption(db: Db, value: string | undefined): Promise<Policy> {
  if (value === undefined) {
    const active = getActivePolicy(db);
    if (!active) throw new UsageError('--policy PRESET|FILE is required (no policy is set in this Represent home).');
    return parsePolicy(active, 'the policy set in this Represent home');
  }
  if (isPresetId(value)) return presetPolicy(value);
  return parsePolicyText((await readFileOrFail(value)).toString('utf8'), value);
}

function parseExceptions(list: string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of list ?? []) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new UsageError(`--exception expects OUTPUT=TEXT; got "${item}".`);
    out[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return out;
}

export const requestCommand: Command = {
  name: 'request',
  summary: 'Write an export request bundle for review; list requests; open a reviewer’s outcome.',
  usage: `
Usage: represent request create --out BUNDLE.zip --purpose TEXT --justification TEXT
                                (--dir REPORT_DIR | --file FILE...) (--dataset DATA_FILE | --dataset-sha256 HEX)
                                [--policy PRESET|POLICY.json] [--results results.json] [--evidence EVIDENCE.json]
                                [--exception OUTPUT=TEXT]...
       represent request list
       represent request outcome FILE [--trusted-keys DIR]

  create    bundles the protected report files (CSV, JSON, Markdown, HTML, text: what the disclosure
            screen can check) with the disclosure evidence, the ACRO results.json and a manifest of
            every file's SHA-256, the full policy and its hash, the dataset fingerprint, you (from
            "represent keys profile"), the purpose and justification. Outputs that do not pass need
            an exception (from results.json or --exception). Presets: acro-default, opensafely,
            nhs-england-subnational, uk-llc; default: the policy set in this home.
            With --dir, files are named by their path inside the folder, and a results.json at its
            top (as ACRO writes it) is read as the results unless --results is given.
  list      the requests this home wrote or opened, with their status
  outcome   open the release bundle or response file a reviewer sent back for one of your requests:
            checks its signature, shows every decision and records it
`,
  async run(argv, io) {
    const [action, ...rest] = argv;
    if (action === 'create') {
      const { values, positionals } = parseCommandArgs(rest, {
        out: { type: 'string' },
        dir: { type: 'string' },
        file: { type: 'string', multiple: true },
        policy: { type: 'string' },
        results: { type: 'string' },
        evidence: { type: 'string' },
        dataset: { type: 'string' },
        'dataset-sha256': { type: 'string' },
        purpose: { type: 'string' },
        justification: { type: 'string' },
        exception: { type: 'string', multiple: true },
      });
      if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}".`);
      if (!values.out) throw new UsageError('--out BUNDLE.zip is required.');
      if (values.purpose === undefined) throw new UsageError('--purpose TEXT is required.');
      if (values.justification === undefined) throw new UsageError('--justification TEXT is required.');
      if ((values.dataset === undefined) === (values['dataset-sha256'] === undefined)) throw new UsageError('give either --dataset DATA_FILE or --dataset-sha256 HEX.');
      if (values.dir === undefined && values.file === undefined) throw new UsageError('give --dir REPORT_DIR or at least one --file FILE.');
      const exceptions = parseExceptions(values.exception);

      const fromDir = values.dir !== undefined ? await filesUnder(values.dir) : [];
      // An ACRO output folder keeps its results.json beside the tables: use it as the results.
      const dirResults = fromDir.find((f) => f.name === ACRO_RESULTS_NAME);
      const sources = [...fromDir.filter((f) => f !== dirResults), ...(values.file ?? []).map((f) => ({ name: path.basename(f), file: f }))];
      const files = await Promise.all(sources.map(async (s) => ({ name: s.name, bytes: await readFileOrFail(s.file) })));
      const resultsFile = values.results ?? dirResults?.file;
      const acroResults = resultsFile !== undefined ? await readJsonFile(resultsFile, 'results') : null;
      const evidence = values.evidence !== undefined ? await readJsonFile(values.evidence, 'evidence') : null;
      let dataset: { sha256: string; sizeBytes: number | null; fileName: string | null };
      if (values.dataset !== undefined) {
        const stat = await fs.stat(values.dataset).catch(() => {
          throw new RepresentError('file-not-found', 'The dataset file was not found.', { location: { file: values.dataset } });
        });
        dataset = { sha256: await sha256File(values.dataset, io.signal), sizeBytes: stat.size, fileName: path.basename(values.dataset) };
      } else dataset = { sha256: values['dataset-sha256']!.toLowerCase(), sizeBytes: null, fileName: null };

      const out = values.out;
      return withHome(async ({ db }) => {
        const policy = await resolvePolicyOption(db, values.policy);
        const written = await createExportRequest(db, { files, evidence, acroResults, policy, dataset, purpose: values.purpose!, justification: values.justification!, exceptions }, out);
        io.stdout.write(`Wrote export request ${written.requestId} to ${written.bundlePath}\n`);
        io.stdout.write(textTable(['Output', 'Status', 'Files'], written.manifest.outputs.map((o) => [o.id, o.status, o.files.join(', ')])) + '\n');
        io.stdout.write(`Bundle SHA-256: ${written.bundleSha256}\nSend the bundle to your output checker.\n`);
        return ExitCode.ok;
      });
    }
    if (action === 'list') {
      const { positionals } = parseCommandArgs(rest, {});
      if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}".`);
      return withHome(({ db }) => {
        const rows = listExportRequests(db);
        if (rows.length === 0) io.stdout.write('No export requests yet.\n');
        else io.stdout.write(textTable(['Request', 'Direction', 'Requester', 'Created', 'Status'], rows.map((r) => [r.requestId, r.direction, r.requesterName, r.createdAt, r.status])) + '\n');
        return ExitCode.ok;
      });
    }
    if (action === 'outcome') {
      const { values, positionals } = parseCommandArgs(rest, { 'trusted-keys': { type: 'string' } });
      if (positionals.length !== 1) throw new UsageError('give exactly one outcome FILE.');
      return withHome(async ({ db, dir }) => {
        const trusted = await trustedKeysFor(dir, values['trusted-keys']);
        const got = await receiveOutcome(db, positionals[0]!, trusted);
        const s = got.signed.statement;
        io.stdout.write(`Request ${s.requestId}: ${s.decision.toUpperCase()} by ${s.reviewer.displayName} on ${s.decidedAt}\n`);
        io.stdout.write(`Signed by key ${s.keyFingerprint} (${got.keyTrusted ? 'trusted' : 'not checked: no trusted keys here; use --trusted-keys DIR'})\n`);
        io.stdout.write(`Overall comment: ${s.overallComment}\n\n`);
        io.stdout.write(textTable(['Output', 'Was', 'Decision', 'Comment'], s.outputs.map((o) => [o.id, o.requestStatus, o.decision, o.comment ?? ''])) + '\n');
        if (s.releasedFiles.length > 0) io.stdout.write(`\nReleased: ${s.releasedFiles.map((f) => f.path).join(', ')}\n`);
        io.stdout.write(got.newlyRecorded ? 'Recorded in this Represent home.\n' : 'Already recorded in this Represent home.\n');
        return ExitCode.ok;
      });
    }
    throw new UsageError(action ? `unknown action "${action}".` : 'an action is required.');
  },
};
