// The report → export request → review → release walk through the API gate (dispatchApiCall), as
// the desktop app makes it: an analyst's home and a reviewer's home (two stores, two people), a
// real synthetic extract read by the real profiling worker, and the real bundle, signing and
// verification code. Then the refusals: a wrong passphrase, a looser policy under a TRE lock, and
// self-review. Throughout, a row-level value planted in the file must appear in nothing written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ApiChannel, ApiRequest, ApiResponse, ReportView, ReviewView } from '../../../shared/api';
import type { SerializedError } from '../../../shared/errors';
import { presetPolicy } from '../../../shared/disclosure';
import { emptyAnswers, renderReportFiles } from '../../../shared/report';
import { generateExtract } from '../../../shared/synthetic';
import { dispatchApiCall } from '../../../main/services/api-handlers';
import { createNodeApiDeps } from '../../../main/services/api-deps';
import type { ApiDeps, CallContext } from '../../../main/services/api-types';
import { loadTrustedKeys } from '../../../main/services/export-workflow/keys';
import { readZipFile } from '../../../main/services/export-workflow/zip-io';
import { verifyReleaseBundle } from '../../../main/services/export-workflow/verify';
import { writeReportFolder } from '../../../main/services/report/write-report';
import { LOCKED_POLICY_FILE } from '../../../main/services/exporting/policy-in-force';
import { getReport } from '../../../main/store/reports';
import { dumpDatabase } from '../store/helpers';
import { removeDir, tempDir } from '../workflow/fixtures';

const PASSPHRASE = 'correct horse battery staple';
/** Row-level values planted in one row: a raw ethnicity code no mapping knows, and a diagnosis text. */
const PLANTED_CODE = 'ZQXPLANTED';
const PLANTED_TEXT = 'PLANTED-DIAGNOSIS-7731';
const ROWS = 3000;

const ctx: CallContext = {
  sender: { frameUrl: 'app://represent/index.html', isMainFrame: true },
  trustedOrigin: 'app://represent',
  emit: () => undefined,
};

async function call<C extends ApiChannel>(deps: ApiDeps, channel: C, input: ApiRequest<C>): Promise<ApiResponse<C>> {
  const result = await dispatchApiCall(deps, channel, input, ctx);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value as ApiResponse<C>;
}

async function callError<C extends ApiChannel>(deps: ApiDeps, channel: C, input: ApiRequest<C>): Promise<SerializedError> {
  const result = await dispatchApiCall(deps, channel, input, ctx);
  if (result.ok) throw new Error(`${channel} was expected to fail`);
  return result.error;
}

function depsFor(home: string): ApiDeps {
  mkdirSync(home, { recursive: true });
  return createNodeApiDeps({
    appInfo: { name: 'Represent', version: '0.0.0-test', offline: true },
    chooseDataFile: async () => null,
    chooseSavePath: async () => null,
    chooseBundle: async () => null,
    home,
    workers: 1,
  });
}

/** The synthetic extract with the planted values in row 100; also the NHS number of row 1 (ten digits, distinctive). */
function writeExtract(file: string): { nhsNumber: string } {
  let text = '';
  for (const chunk of generateExtract({ rows: ROWS, seed: 20260401 })) text += chunk;
  const lines = text.split('\n');
  const header = lines[0]!.split(',');
  const eth = header.indexOf('ETHNIC_CATEGORY');
  const diag = header.indexOf('PRIMARY_DIAGNOSIS');
  const row = lines[100]!.split(',');
  expect(row.length).toBe(header.length); // no quoted commas in this row, so splitting is exact
  row[eth] = PLANTED_CODE;
  row[diag] = PLANTED_TEXT;
  lines[100] = row.join(',');
  writeFileSync(file, lines.join('\n'));
  const first = lines[1]!.split(',');
  return { nhsNumber: first[header.indexOf('NHS_NUMBER')]! };
}

/** Approve every output, with a comment wherever the rules want one. */
function approveAll(view: ReviewView) {
  return view.outputs.map((o) => ({
    outputId: o.id,
    decision: 'approved' as const,
    comment: o.commentRequired.approve ? `Checked ${o.id}: suppression and rounding as the policy requires.` : '',
  }));
}

let root: string;
let csv: string;
let rowValues: { nhsNumber: string };
let analyst: ApiDeps;
let reviewer: ApiDeps;
let trustedDir: string;
let built: ReportView;
let bundle: string;
let datasetId: string;
let projectId: string;
const DRAFT = {
  purpose: 'Representation of ethnic groups in the synthetic cohort, for the equity audit.',
  justification: 'Aggregate tables only, protected under the ACRO default rules.',
};

beforeAll(async () => {
  root = tempDir('api-export');
  csv = path.join(root, 'extract.csv');
  rowValues = writeExtract(csv);
  analyst = depsFor(path.join(root, 'analyst-home'));
  reviewer = depsFor(path.join(root, 'reviewer-home'));
  trustedDir = path.join(root, 'tre-trusted-keys');
  mkdirSync(trustedDir);
});
afterAll(() => {
  analyst?.db.close();
  reviewer?.db.close();
  removeDir(root);
});

describe('analyst: report and export request', () => {
  it('builds the report from the saved mapping, the project’s answers and the default policy', async () => {
    await call(analyst, 'identity:save', { displayName: 'Ada Analyst', role: 'analyst' });
    const overview = await call(analyst, 'profile:run', { jobId: 'job-profile-1', path: csv });
    datasetId = overview.datasetId;
    projectId = overview.projectId;
    const mapping = await call(analyst, 'mapping:get', { datasetId });
    expect(mapping.mapping.attributes.length).toBeGreaterThan(0);
    await call(analyst, 'mapping:save', { datasetId, mapping: mapping.mapping });
    const answers = { ...emptyAnswers(), provenance: { summary: 'Admissions to two synthetic hospitals, 2019 to 2024.' } };
    await call(analyst, 'answers:save', { projectId: overview.projectId, answers });

    const settings = await call(analyst, 'settings:get', {});
    expect(settings.policy).toMatchObject({ locked: false, lockedBy: null, active: { id: 'acro-default' } });

    built = await call(analyst, 'report:build', { jobId: 'job-report-1', datasetId, title: 'Synthetic admissions' });
    expect(built.report.title).toBe('Synthetic admissions');
    expect(built.report.policy.id).toBe('acro-default');
    expect(built.report.dataset).toMatchObject({ fileName: 'extract.csv', byteLength: statSync(csv).size });
    expect(built.report.answers.provenance?.summary).toBe(answers.provenance.summary);
    expect(built.report.representation.length).toBeGreaterThan(0);
    expect(built.screen).toEqual({ passed: true, findings: [] });
    // Exactly the HTML `represent report` writes for the same report.
    expect(built.html).toBe(renderReportFiles(built.report).find((f) => f.name === 'report.html')!.text);
    const folder = await writeReportFolder(built.report, path.join(root, 'report-folder'));
    expect(readFileSync(path.join(folder.dir, 'report.html'), 'utf8')).toBe(built.html);
    // Recorded in the store with every file's hash.
    const stored = getReport(analyst.db, built.reportId)!;
    expect(stored).toMatchObject({ datasetId, policyId: 'acro-default' });
    expect(stored.files.map((f) => f.path).sort()).toEqual(folder.files.map((f) => f.name).sort());
    expect(new Map(stored.files.map((f) => [f.path, f.sha256]))).toEqual(new Map(folder.files.map((f) => [f.name, f.sha256])));
  });

  it('keeps the export request draft per project, and checks what it is given', async () => {
    expect(await call(analyst, 'export-draft:get', { projectId })).toEqual({ projectId, purpose: '', justification: '', savedIso: null });
    const first = await call(analyst, 'export-draft:save', { projectId, purpose: 'Half a purpose', justification: '' });
    expect(first).toMatchObject({ projectId, purpose: 'Half a purpose', justification: '', savedIso: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    const saved = await call(analyst, 'export-draft:save', { projectId, ...DRAFT });
    expect(await call(analyst, 'export-draft:get', { projectId })).toEqual(saved);
    expect(saved).toMatchObject(DRAFT);
    // A draft is not an action: it writes no audit event, so its words are nowhere in the log.
    const audit = JSON.stringify(dumpDatabase(analyst.db).audit_events);
    expect(audit).not.toContain('Half a purpose');
    expect(audit).not.toContain(DRAFT.justification);

    const unknown = await callError(analyst, 'export-draft:get', { projectId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown).toMatchObject({ code: 'bad-argument', expected: expect.any(String), found: expect.any(String) });
    const tooLong = await callError(analyst, 'export-draft:save', { projectId, purpose: 'x'.repeat(20_001), justification: '' });
    expect(tooLong.code).toBe('bad-argument');
    expect(JSON.stringify(tooLong)).not.toContain('x'.repeat(100));
    const extra = await callError(analyst, 'export-draft:save', { projectId, purpose: 'p', justification: 'j', comment: 'c' } as never);
    expect(extra.code).toBe('bad-argument');
    // Refusals leave the saved draft as it was.
    expect(await call(analyst, 'export-draft:get', { projectId })).toEqual(saved);
  });

  it('writes the request bundle with exactly the report’s files, the evidence and ACRO results', async () => {
    bundle = path.join(root, 'request.zip');
    const summary = await call(analyst, 'export:request', { reportId: built.reportId, ...DRAFT, path: bundle });
    // The draft it was written from is cleared.
    expect(await call(analyst, 'export-draft:get', { projectId })).toEqual({ projectId, purpose: '', justification: '', savedIso: null });
    expect(summary).toMatchObject({ path: bundle, screenPassed: true });
    const zip = await readZipFile(bundle);
    expect(summary.sha256).toBe(zip.sha256);
    expect(zip.entries.get('report.html')!.toString('utf8')).toBe(built.html);
    for (const f of getReport(analyst.db, built.reportId)!.files) expect(zip.entries.has(f.path)).toBe(true);
    expect(zip.entries.has('results.json')).toBe(true);
    const evidence = JSON.parse(zip.entries.get('evidence/disclosure-evidence.json')!.toString('utf8')) as { tables: unknown[] };
    expect(evidence.tables.length).toBe(built.report.evidence.length);
    const manifest = JSON.parse(zip.entries.get('manifest.json')!.toString('utf8')) as { outputs: { id: string; files: string[] }[]; requester: { displayName: string } };
    expect(manifest.requester.displayName).toBe('Ada Analyst');
    expect(manifest.outputs.length).toBe(summary.outputs);
    // One output per protected table, plus the documentation; every table output carries report.html.
    expect(manifest.outputs.length).toBe(built.report.tables.length + 1);
    for (const t of built.report.tables) expect(manifest.outputs.find((o) => o.id === t.id)?.files).toContain('report.html');
    // Each table's output holds its own CSV only (not every CSV: the file-to-table matching held).
    const csvOf = (id: string) => manifest.outputs.find((o) => o.id === id)!.files.filter((f) => f.endsWith('.csv'));
    for (const r of built.report.representation) expect(csvOf(r.tableId)).toEqual([expect.stringMatching(/^tables\/representation-/)]);
    for (const x of built.report.intersections) expect(csvOf(x.tableId)).toEqual([expect.stringMatching(/^tables\/intersection-/)]);
    for (const m of built.report.missingness) for (const b of m.blocks) expect(csvOf(b.tableId)).toEqual([expect.stringMatching(/^tables\/missingness-by-/)]);
    expect(csvOf('report-documentation').sort()).toEqual(['tables/completeness-documentation.csv', 'tables/completeness-use.csv']);
  });

  it('refuses a request for a report it does not know, and a path that already exists', async () => {
    const unknown = await callError(analyst, 'export:request', { reportId: '00000000-0000-4000-8000-000000000000', purpose: 'p', justification: 'j', path: path.join(root, 'x.zip') });
    expect(unknown).toMatchObject({ code: 'bad-argument', expected: expect.any(String), found: expect.any(String) });
    const exists = await callError(analyst, 'export:request', { reportId: built.reportId, purpose: 'p', justification: 'j', path: bundle });
    expect(exists.code).toBe('bad-argument');
    expect(exists.message).toMatch(/already exists/);
    const relative = await callError(analyst, 'export:request', { reportId: built.reportId, purpose: 'p', justification: 'j', path: 'request.zip' });
    expect(relative.code).toBe('bad-argument');
  });
});

describe('dialogs', () => {
  it('passes the bundle dialog’s choice through, and a cancel as null', async () => {
    expect(await call({ ...analyst, chooseBundle: async () => path.join(root, 'chosen.zip') }, 'dialog:choose-bundle', {})).toEqual({ path: path.join(root, 'chosen.zip') });
    expect(await call(analyst, 'dialog:choose-bundle', {})).toBeNull();
  });
});

describe('reviewer: review and release', () => {
  let view: ReviewView;

  it('sets up a reviewer with a signing key, without echoing the passphrase', async () => {
    const short = await callError(reviewer, 'keys:create', { passphrase: 'short' });
    expect(short.code).toBe('no-identity'); // no profile yet
    await call(reviewer, 'identity:save', { displayName: 'Rita Reviewer', role: 'reviewer' });
    const tooShort = await callError(reviewer, 'keys:create', { passphrase: 'tiny secret' });
    expect(tooShort.code).toBe('bad-argument');
    expect(JSON.stringify(tooShort)).not.toContain('tiny secret');
    const settings = await call(reviewer, 'keys:create', { passphrase: PASSPHRASE });
    expect(settings.identity).toMatchObject({ displayName: 'Rita Reviewer', role: 'reviewer' });
    expect(settings.signingKey?.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(settings)).not.toContain(PASSPHRASE);
    const exported = await call(reviewer, 'keys:export-public', { path: path.join(trustedDir, 'rita.json') });
    expect(exported.fingerprint).toBe(settings.signingKey!.fingerprint);
  });

  it('opens the request: outputs with their comment rules, the report as its model and the report HTML', async () => {
    view = await call(reviewer, 'review:open', { path: bundle });
    expect(view.requester).toEqual({ name: 'Ada Analyst', role: 'analyst' });
    expect(view.policy.id).toBe('acro-default');
    expect(view.reportHtml).toBe(built.html);
    // The reviewer reads the very report the analyst built (its report.json, schema-checked).
    expect(view.report).toEqual(JSON.parse(JSON.stringify(built.report)));
    expect(view.screen).toEqual({ passed: true, findings: [] });
    expect(view.alreadyReviewed).toBeNull();
    // Both people are the same OS account on a test machine: a warning only (TREs may share logins).
    expect(view.warnings).toEqual([expect.stringMatching(/same OS account/)]);
    expect(view.outputs.length).toBe(built.report.tables.length + 1);
    for (const o of view.outputs) {
      expect(o.commentRequired).toEqual({ approve: o.status !== 'pass', reject: o.status !== 'fail' });
      if (o.status !== 'pass') expect(o.exception).not.toBeNull();
    }
    expect(view.outputs.find((o) => o.id === 'report-documentation')!.status).toBe('review');
  });

  it('refuses a wrong passphrase with a clear error, writing nothing', async () => {
    const out = path.join(root, 'release-wrong.zip');
    const before = [dumpDatabase(analyst.db), dumpDatabase(reviewer.db)];
    const filesBefore = readdirSync(root).sort();
    const err = await callError(reviewer, 'review:decide', { path: bundle, decision: 'approve', decisions: approveAll(view), overallComment: 'All checked.', passphrase: 'not the right passphrase', outPath: out });
    expect(err).toMatchObject({ code: 'wrong-passphrase', expected: expect.any(String), found: expect.any(String) });
    expect(JSON.stringify(err)).not.toContain('not the right passphrase');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(root).sort()).toEqual(filesBefore);
    expect([dumpDatabase(analyst.db), dumpDatabase(reviewer.db)]).toEqual(before);
  });

  it('refuses an incomplete review (a required comment missing), writing nothing', async () => {
    const decisions = approveAll(view).map((d) => ({ ...d, comment: '' }));
    const err = await callError(reviewer, 'review:decide', { path: bundle, decision: 'approve', decisions, overallComment: 'All checked.', passphrase: PASSPHRASE, outPath: path.join(root, 'release-incomplete.zip') });
    expect(err.code).toBe('bad-review');
    expect(err.found).toMatch(/needs a comment/);
    expect(existsSync(path.join(root, 'release-incomplete.zip'))).toBe(false);
  });

  it('approves: writes a signed release that verifies against the trusted key', async () => {
    const out = path.join(root, 'release.zip');
    const outcome = await call(reviewer, 'review:decide', { path: bundle, decision: 'approve', decisions: approveAll(view), overallComment: 'All tables checked against the ACRO defaults.', passphrase: PASSPHRASE, outPath: out });
    expect(outcome).toMatchObject({ kind: 'release', path: out, warnings: [expect.stringMatching(/same OS account/)] });
    const verified = await verifyReleaseBundle(out, { trustedKeys: await loadTrustedKeys(trustedDir) });
    expect(verified.checks.filter((c) => !c.ok)).toEqual([]);
    expect(verified.ok).toBe(true);
    expect(verified.releasedFiles).toBe(getReport(analyst.db, built.reportId)!.files.length);
    const release = await readZipFile(out);
    expect(release.entries.get('report.html')!.toString('utf8')).toBe(built.html);
    // Reopened, the request shows it was reviewed; a second review is refused.
    const again = await call(reviewer, 'review:open', { path: bundle });
    expect(again.alreadyReviewed).toMatchObject({ decision: 'approved', reviewer: 'Rita Reviewer' });
    const second = await callError(reviewer, 'review:decide', { path: bundle, decision: 'approve', decisions: approveAll(view), overallComment: 'Again.', passphrase: PASSPHRASE, outPath: path.join(root, 'release-2.zip') });
    expect(second.code).toBe('already-reviewed');
  });

  it('refuses an approval with no approved output, and a request without an overall decision, writing nothing', async () => {
    const other = path.join(root, 'request-overall.zip');
    await call(analyst, 'export:request', { reportId: built.reportId, purpose: 'Overall decision rules.', justification: 'Testing.', path: other });
    const opened = await call(reviewer, 'review:open', { path: other });
    const allRejected = opened.outputs.map((o) => ({ outputId: o.id, decision: 'rejected' as const, comment: `No (${o.id}).` }));
    const before = dumpDatabase(reviewer.db);
    const out = path.join(root, 'release-none.zip');
    const none = await callError(reviewer, 'review:decide', { path: other, decision: 'approve', decisions: allRejected, overallComment: 'Approve?', passphrase: PASSPHRASE, outPath: out });
    expect(none).toMatchObject({ code: 'bad-review', message: expect.stringMatching(/approve at least one output/) });
    expect(none.found).toBe(`all ${opened.outputs.length} outputs marked rejected`);
    const missing = await callError(reviewer, 'review:decide', { path: other, decisions: allRejected, overallComment: 'No decision.', passphrase: PASSPHRASE, outPath: out } as never);
    expect(missing.code).toBe('bad-argument');
    const wrong = await callError(reviewer, 'review:decide', { path: other, decision: 'approved' as never, decisions: allRejected, overallComment: 'x', passphrase: PASSPHRASE, outPath: out });
    expect(wrong.code).toBe('bad-argument');
    expect(existsSync(out)).toBe(false);
    expect(dumpDatabase(reviewer.db)).toEqual(before);
  });

  it('approves part of a request: the release holds only files whose outputs are all approved', async () => {
    const other = path.join(root, 'request-partial.zip');
    await call(analyst, 'export:request', { reportId: built.reportId, purpose: 'Partial approval.', justification: 'Testing.', path: other });
    const opened = await call(reviewer, 'review:open', { path: other });
    const decisions = opened.outputs.map((o) =>
      o.id === 'report-documentation'
        ? { outputId: o.id, decision: 'rejected' as const, comment: 'The documentation tables are not needed.' }
        : { outputId: o.id, decision: 'approved' as const, comment: `Checked ${o.id}.` },
    );
    const out = path.join(root, 'release-partial.zip');
    const outcome = await call(reviewer, 'review:decide', { path: other, decision: 'approve', decisions, overallComment: 'Tables released; documentation not.', passphrase: PASSPHRASE, outPath: out });
    expect(outcome.kind).toBe('release');
    const release = await readZipFile(out);
    const names = [...release.entries.keys()];
    expect(names.some((n) => n.startsWith('tables/representation-'))).toBe(true);
    expect(names.filter((n) => n.startsWith('tables/completeness-'))).toEqual([]);
    const approval = JSON.parse(release.entries.get('approval.json')!.toString('utf8')) as { statement: { decision: string; outputs: { id: string; decision: string }[] } };
    expect(approval.statement.decision).toBe('approved');
    expect(approval.statement.outputs.find((o) => o.id === 'report-documentation')?.decision).toBe('rejected');
  });

  it('rejects a request as a whole although some outputs were marked approve: nothing released, the marks kept', async () => {
    const other = path.join(root, 'request-reject-mixed.zip');
    await call(analyst, 'export:request', { reportId: built.reportId, purpose: 'Mixed rejection.', justification: 'Testing.', path: other });
    const opened = await call(reviewer, 'review:open', { path: other });
    const decisions = opened.outputs.map((o, i) =>
      i === 0
        ? { outputId: o.id, decision: 'approved' as const, comment: `Would pass on its own (${o.id}).` }
        : { outputId: o.id, decision: 'rejected' as const, comment: `Not needed (${o.id}).` },
    );
    const out = path.join(root, 'response-mixed.json');
    const outcome = await call(reviewer, 'review:decide', { path: other, decision: 'reject', decisions, overallComment: 'The purpose needs none of this yet.', passphrase: PASSPHRASE, outPath: out });
    expect(outcome.kind).toBe('response');
    expect(outcome.warnings).toContainEqual(expect.stringMatching(/rejected the request as a whole, so nothing is released, although you marked 1 output as approved/));
    const signed = JSON.parse(readFileSync(out, 'utf8')) as { statement: { decision: string; releasedFiles: unknown[]; outputs: { id: string; decision: string }[] } };
    expect(signed.statement.decision).toBe('rejected');
    expect(signed.statement.releasedFiles).toEqual([]);
    expect(signed.statement.outputs.map((o) => o.decision)).toEqual(decisions.map((d) => d.decision));
    expect((await call(reviewer, 'review:open', { path: other })).alreadyReviewed).toMatchObject({ decision: 'rejected' });
  });

  it('rejects: a second request rejected output by output gets a signed response', async () => {
    const second = path.join(root, 'request-2.zip');
    await call(analyst, 'export:request', { reportId: built.reportId, purpose: 'A second look at the same report.', justification: 'As before.', path: second });
    const opened = await call(reviewer, 'review:open', { path: second });
    const decisions = opened.outputs.map((o) => ({ outputId: o.id, decision: 'rejected' as const, comment: o.commentRequired.reject ? `Not needed for the stated purpose (${o.id}).` : '' }));
    const out = path.join(root, 'response.json');
    const outcome = await call(reviewer, 'review:decide', { path: second, decision: 'reject', decisions, overallComment: 'The purpose does not need these tables.', passphrase: PASSPHRASE, outPath: out });
    expect(outcome.kind).toBe('response');
    const signed = JSON.parse(readFileSync(out, 'utf8')) as { statement: { decision: string; releasedFiles: unknown[] } };
    expect(signed.statement).toMatchObject({ decision: 'rejected', releasedFiles: [] });
  });
});

describe('policy lock', () => {
  it('applies a TRE-locked policy, refuses a looser one naming the key, and accepts a tighter one', async () => {
    const deps = depsFor(path.join(root, 'locked-home'));
    try {
      const lock = { ...presetPolicy('acro-default'), id: 'tre-lock', name: 'The TRE’s policy', threshold: 15 };
      writeFileSync(path.join(deps.home, LOCKED_POLICY_FILE), JSON.stringify(lock));
      const settings = await call(deps, 'settings:get', {});
      expect(settings.policy.locked).toBe(true);
      expect(settings.policy.lockedBy).toContain(LOCKED_POLICY_FILE);
      expect(settings.policy.active).toMatchObject({ id: 'tre-lock', threshold: 15 });
      const before = dumpDatabase(deps.db);
      const looser = await callError(deps, 'settings:set-policy', { policy: presetPolicy('opensafely') });
      expect(looser.code).toBe('bad-policy');
      expect(looser.message).toContain('"threshold"');
      expect(looser.expected).toContain('15');
      expect(dumpDatabase(deps.db)).toEqual(before);
      const invalid = await callError(deps, 'settings:set-policy', { policy: { ...lock, threshold: 'ten' } as never });
      expect(invalid).toMatchObject({ code: 'bad-policy', message: expect.stringContaining('"threshold"') });
      const tighter = await call(deps, 'settings:set-policy', { policy: { ...lock, id: 'tre-lock-tighter', threshold: 20 } });
      expect(tighter.policy.active).toMatchObject({ id: 'tre-lock-tighter', threshold: 20 });
      expect(tighter.policy.locked).toBe(true);
    } finally {
      deps.db.close();
    }
  });

  it('builds under a lock placed later, and refuses to export a report protected under a looser policy', async () => {
    const lockFile = path.join(analyst.home, LOCKED_POLICY_FILE);
    writeFileSync(lockFile, JSON.stringify({ ...presetPolicy('acro-default'), id: 'tre-lock', name: 'The TRE’s policy', threshold: 15 }));
    try {
      const out = path.join(root, 'request-under-lock.zip');
      const err = await callError(analyst, 'export:request', { reportId: built.reportId, purpose: 'Purpose.', justification: 'Justification.', path: out });
      expect(err).toMatchObject({ code: 'bad-policy', message: expect.stringContaining('"threshold"') });
      expect(existsSync(out)).toBe(false);
      const rebuilt = await call(analyst, 'report:build', { jobId: 'job-report-lock', datasetId });
      expect(rebuilt.report.policy.parameters).toMatchObject({ id: 'tre-lock', threshold: 15 });
    } finally {
      rmSync(lockFile);
    }
  });

  it('sets any valid policy when nothing is locked', async () => {
    const deps = depsFor(path.join(root, 'free-home'));
    try {
      const view = await call(deps, 'settings:set-policy', { policy: presetPolicy('opensafely') });
      expect(view.policy).toMatchObject({ locked: false, active: { id: 'opensafely' } });
      expect(view.policy.presets.map((p) => p.id)).toContain('uk-llc');
    } finally {
      deps.db.close();
    }
  });
});

describe('separation of duties', () => {
  it('refuses a requester reviewing their own request by default', async () => {
    const own = path.join(root, 'request-own.zip');
    await call(analyst, 'export:request', { reportId: built.reportId, purpose: 'My own request.', justification: 'Testing self-review.', path: own });
    await call(analyst, 'identity:save', { displayName: 'Ada Analyst', role: 'reviewer' });
    await call(analyst, 'keys:create', { passphrase: PASSPHRASE });
    const opened = await call(analyst, 'review:open', { path: own });
    expect(opened.warnings.join(' ')).toMatch(/someone other than its requester/);
    const err = await callError(analyst, 'review:decide', { path: own, decision: 'approve', decisions: approveAll(opened), overallComment: 'Fine.', passphrase: PASSPHRASE, outPath: path.join(root, 'release-own.zip') });
    expect(err).toMatchObject({ code: 'bad-review', message: expect.stringMatching(/someone other than its requester/) });
    expect(existsSync(path.join(root, 'release-own.zip'))).toBe(false);
  });
});

describe('privacy', () => {
  it('writes no planted row-level value to any file or store', async () => {
    const planted = [PLANTED_CODE, PLANTED_TEXT, rowValues.nhsNumber];
    expect(rowValues.nhsNumber).toMatch(/^\d{10}$/);
    for (const v of planted) expect(readFileSync(csv, 'utf8')).toContain(v); // they are in the data
    const texts: { where: string; text: string }[] = [];
    const walk = async (dir: string): Promise<void> => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, e.name);
        if (e.isDirectory()) await walk(file);
        else if (file !== csv) {
          texts.push({ where: file, text: readFileSync(file).toString('latin1') });
          if (file.endsWith('.zip')) for (const [name, bytes] of (await readZipFile(file)).entries) texts.push({ where: `${file}!${name}`, text: bytes.toString('utf8') });
        }
      }
    };
    await walk(root);
    texts.push({ where: 'analyst store', text: JSON.stringify(dumpDatabase(analyst.db)) });
    texts.push({ where: 'reviewer store', text: JSON.stringify(dumpDatabase(reviewer.db)) });
    expect(texts.length).toBeGreaterThan(10);
    const leaks = texts.flatMap((t) => planted.filter((v) => t.text.includes(v)).map((v) => `${t.where} holds a planted value (${planted.indexOf(v)})`));
    expect(leaks).toEqual([]);
  });
});
