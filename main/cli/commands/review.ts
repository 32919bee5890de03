// `represent review`: an output checker opens a request (hash-checked) and decides on it.
import { ExitCode } from '../exit-codes';
import { parseCommandArgs, UsageError, type Command } from '../command';
import { textTable } from '../format';
import { showExportRequest, reviewExportRequest } from '../../services/export-workflow/review';
import { openRequestBundle } from '../../services/export-workflow/open-request';
import type { Decision, ReviewDecisions } from '../../services/export-workflow/review-rules';
import { SCREEN_NAME, type Manifest } from '../../services/export-workflow/formats';
import { screenFormatOf } from '../../services/export-workflow/screenable';
import { withHome, readPassphrase, PASSPHRASE_OPTIONS } from './keys';

const MAX_SHOWN_LINES = 200;

/** Policy parameters as "key value" lines (nested keys dotted); descriptive keys are left out. */
function policyLines(parameters: Record<string, unknown>, prefix = ''): string[] {
  const lines: string[] = [];
  for (const [k, v] of Object.entries(parameters)) {
    if (prefix === '' && ['id', 'name', 'description', 'sources'].includes(k)) continue;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) lines.push(...policyLines(v as Record<string, unknown>, `${prefix}${k}.`));
    else lines.push(`${prefix}${k} = ${JSON.stringify(v)}`);
  }
  return lines;
}

interface ScreenFindingLike {
  severity: string;
  rule: string;
  file: string;
  location: { table?: number; row?: number; column?: string; line?: number; path?: string };
  message: string;
}

function describeRequest(m: Manifest, files: Map<string, Buffer>, all: boolean): string {
  const out: string[] = [];
  out.push(`Export request ${m.requestId}`);
  out.push(`  Requested by ${m.requester.displayName} (${m.requester.role}, OS user ${m.requester.osUser}) on ${m.createdAt}, Represent ${m.app.version}`);
  out.push(`  Purpose:       ${m.purpose}`);
  out.push(`  Justification: ${m.justification}`);
  out.push(`  Dataset:       ${m.dataset.fileName ?? '(name not given)'}${m.dataset.sizeBytes !== null ? `, ${m.dataset.sizeBytes} bytes` : ''}, SHA-256 ${m.dataset.sha256}`);
  out.push(`  Policy:        ${m.policy.name}${m.policy.id ? ` (${m.policy.id})` : ''}, SHA-256 ${m.policy.sha256}`);
  for (const line of policyLines(m.policy.parameters)) out.push(`                   ${line}`);
  out.push(`  All ${m.files.length} files match their SHA-256 in the manifest.`);
  out.push('');
  out.push(textTable(['Output', 'Type', 'Status', 'Files'], m.outputs.map((o) => [o.id, o.type, o.status, o.files.join(', ')])));

  let findings: ScreenFindingLike[];
  try {
    findings = (JSON.parse(files.get(SCREEN_NAME)?.toString('utf8') ?? '{}') as { findings?: ScreenFindingLike[] }).findings ?? [];
  } catch {
    findings = [];
  }
  for (const o of m.outputs) {
    out.push('');
    out.push(`── ${o.id} (${o.status}) ──`);
    out.push(`  ACRO summary: ${o.summary}`);
    if (o.exception) out.push(`  Requester's exception: ${o.exception}`);
    for (const f of findings.filter((x) => o.files.includes(x.file))) {
      const where = [f.location.table !== undefined ? `table ${f.location.table}` : '', f.location.row !== undefined ? `row ${f.location.row}` : '', f.location.column ? `column "${f.location.column}"` : '', f.location.line !== undefined ? `line ${f.location.line}` : '']
        .filter(Boolean)
        .join(', ');
      out.push(`  Screen ${f.severity}: ${f.rule} in ${f.file}${where ? ` (${where})` : ''}: ${f.message}`);
    }
    for (const name of o.files) {
      const bytes = files.get(name)!;
      const format = screenFormatOf(name);
      if (!all && format !== 'csv' && format !== 'markdown' && format !== 'text') {
        out.push(`  ${name}: ${bytes.byteLength} bytes (${format}; shown with --all)`);
        continue;
      }
      const lines = bytes.toString('utf8').split(/\r?\n/);
      out.push(`  ${name}:`);
      for (const line of lines.slice(0, all ? lines.length : MAX_SHOWN_LINES)) out.push(`    ${line}`);
      if (!all && lines.length > MAX_SHOWN_LINES) out.push(`    … ${lines.length - MAX_SHOWN_LINES} more lines (shown with --all)`);
    }
  }
  if (all)
    for (const f of m.files.filter((x) => x.role !== 'output')) {
      out.push('');
      out.push(`── ${f.path} (${f.role}) ──`);
      out.push(files.get(f.path)!.toString('utf8'));
    }
  return out.join('\n') + '\n';
}

function decisionList(items: string[] | undefined, decision: Decision, into: Record<string, { decision: Decision; comment: string | null }>): void {
  for (const item of items ?? []) {
    const eq = item.indexOf('=');
    const id = eq < 0 ? item : item.slice(0, eq);
    if (id === '') throw new UsageError(`--${decision === 'approved' ? 'approve' : 'reject'} expects OUTPUT[=COMMENT]; got "${item}".`);
    if (into[id]) throw new UsageError(`output "${id}" is decided twice.`);
    into[id] = { decision, comment: eq < 0 ? null : item.slice(eq + 1) };
  }
}

export const reviewCommand: Command = {
  name: 'review',
  summary: 'Open an export request as output checker; approve (signed release) or reject it.',
  usage: `
Usage: represent review show REQUEST.zip [--all]
       represent review decide REQUEST.zip --overall approve|reject --comment TEXT --out FILE
                               [--approve OUTPUT[=COMMENT]]... [--reject OUTPUT[=COMMENT]]...
                               [--approve-passed] [--passphrase-file FILE | --passphrase-stdin]

  show      checks every file against the manifest, then shows the request: who, why, the policy
            and all its parameters, every output with its status, the requester's exception, the
            export screen's findings and the tables. --all also shows HTML/JSON files and evidence.
  decide    every output needs a decision. Comments are required to approve an output marked fail
            or review, to reject one that passed, and always for the overall decision (--comment).
            --approve-passed approves every output that passed. You cannot review a request you
            made. Approval signs the manifest with your key and writes the release bundle (--out,
            approved files only); rejection writes a signed response file (--out) for the requester.
`,
  async run(argv, io) {
    const [action, ...rest] = argv;
    if (action === 'show') {
      const { values, positionals } = parseCommandArgs(rest, { all: { type: 'boolean', default: false } });
      if (positionals.length !== 1) throw new UsageError('give exactly one REQUEST.zip.');
      return withHome(async ({ db }) => {
        const shown = await showExportRequest(db, positionals[0]!);
        io.stdout.write(describeRequest(shown.opened.manifest, shown.opened.files, values.all));
        for (const w of shown.warnings) io.stdout.write(`\nWarning: ${w}\n`);
        if (shown.review) io.stdout.write(`\nAlready reviewed here: ${shown.review.decision} by ${shown.review.reviewerName} on ${shown.review.decidedAt}.\n`);
        return ExitCode.ok;
      });
    }
    if (action === 'decide') {
      const { values, positionals } = parseCommandArgs(rest, {
        overall: { type: 'string' },
        comment: { type: 'string' },
        out: { type: 'string' },
        approve: { type: 'string', multiple: true },
        reject: { type: 'string', multiple: true },
        'approve-passed': { type: 'boolean', default: false },
        ...PASSPHRASE_OPTIONS,
      });
      if (positionals.length !== 1) throw new UsageError('give exactly one REQUEST.zip.');
      if (values.overall !== 'approve' && values.overall !== 'reject') throw new UsageError('--overall expects approve or reject.');
      if (values.comment === undefined) throw new UsageError('--comment TEXT (the overall comment) is required.');
      if (!values.out) throw new UsageError('--out FILE is required.');
      const outputs: Record<string, { decision: Decision; comment: string | null }> = {};
      decisionList(values.approve, 'approved', outputs);
      decisionList(values.reject, 'rejected', outputs);
      const requestFile = positionals[0]!;
      const out = values.out;
      return withHome(async ({ db }) => {
        if (values['approve-passed']) {
          const opened = await openRequestBundle(requestFile); // read only: a refused decision must leave the store as it was
          for (const o of opened.manifest.outputs) if (o.status === 'pass' && !outputs[o.id]) outputs[o.id] = { decision: 'approved', comment: null };
        }
        const decisions: ReviewDecisions = { outputs, overall: { decision: values.overall === 'approve' ? 'approved' : 'rejected', comment: values.comment! } };
        const passphrase = await readPassphrase(values, io);
        const result = await reviewExportRequest(db, { requestFile, decisions, passphrase, outPath: out });
        for (const w of result.warnings) io.stderr.write(`Warning: ${w}\n`);
        if (result.kind === 'release')
          io.stdout.write(`Approved and signed. Release bundle (${result.statement.releasedFiles.length} file(s)) written to ${result.path}\nSHA-256: ${result.sha256}\n`);
        else io.stdout.write(`Rejected. Signed response for the requester written to ${result.path}\n`);
        return ExitCode.ok;
      });
    }
    throw new UsageError(action ? `unknown action "${action}".` : 'an action is required.');
  },
};
