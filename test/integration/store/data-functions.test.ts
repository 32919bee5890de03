// The (db, …args) data functions against a real store file: what each one stores, what it audits,
// and that the store holds metadata and aggregates only.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../main/store/database';
import type { Db } from '../../../main/store/database-type';
import { listAuditEvents, verifyAuditLog } from '../../../main/store/audit-log';
import { createProject, getProject, listProjects } from '../../../main/store/projects';
import { findDatasetsBySha256, getDataset, recordDatasetOpened } from '../../../main/store/datasets';
import { latestProfile, saveProfile } from '../../../main/store/profiles';
import { listAnalyses, saveAnalysis } from '../../../main/store/analyses';
import { latestMapping, saveMapping } from '../../../main/store/mappings';
import { listAnswers, saveAnswer } from '../../../main/store/answers';
import { getReport, recordReportBuilt } from '../../../main/store/reports';
import { getActivePolicy, getSetting, setActivePolicy, setSetting } from '../../../main/store/settings';
import { currentIdentity, saveIdentity } from '../../../main/store/identities';
import { activeSigningKey, insertSigningKey, listSigningKeys } from '../../../main/store/signing-keys';
import { getExportRequest, listExportRequests, recordRequestOpened, recordRequestWritten } from '../../../main/store/export-requests';
import { getReviewForRequest, recordApproval, recordRejection } from '../../../main/store/reviews';
import { deletePendingWrite, insertPendingWrite, listPendingWrites, markPendingWriteCommitted } from '../../../main/store/pending-writes';
import { canonicalJson, canonicalSha256 } from '../../../main/store/canonical-json';
import { presetPolicy } from '../../../shared/disclosure';
import { tempStoreDir } from './helpers';

let db: Db;
let cleanup: () => void;
beforeEach(() => {
  const t = tempStoreDir();
  db = openStore(t.file);
  cleanup = () => {
    db.close();
    t.cleanup();
  };
});
afterEach(() => cleanup());

const lastEvent = () => listAuditEvents(db).at(-1)!;
const details = () => JSON.parse(lastEvent().detailsJson) as Record<string, unknown>;
const fingerprint = { fileName: 'extract.csv', filePath: '/data/extract.csv', sizeBytes: 52_000_000, modifiedAt: '2025-05-01T09:00:00.000Z', sha256: 'e'.repeat(64) };

describe('projects, datasets, profiles, analyses', () => {
  it('stores each step and audits it in the same transaction', () => {
    const project = createProject(db, '  Equity audit ');
    expect(getProject(db, project.id)).toEqual({ ...project, name: 'Equity audit' });
    expect(listProjects(db)).toHaveLength(1);
    expect(lastEvent().type).toBe('project.created');

    const dataset = recordDatasetOpened(db, { ...fingerprint, projectId: project.id, metadata: { delimiter: ',', columns: ['ethnicity', 'sex'] } });
    expect(getDataset(db, dataset.id)).toEqual(dataset);
    expect(findDatasetsBySha256(db, fingerprint.sha256).map((d) => d.id)).toEqual([dataset.id]);
    expect(lastEvent()).toMatchObject({ type: 'dataset.opened', subject: dataset.id });
    expect(details()).toEqual({ datasetId: dataset.id, fileName: 'extract.csv', sizeBytes: 52_000_000, sha256: fingerprint.sha256 });

    const profile = saveProfile(db, { datasetId: dataset.id, appVersion: '0.1.0', rows: 500_000, columns: 12, summary: { missingShare: { ethnicity: 0.08 } } });
    expect(latestProfile(db, dataset.id)).toEqual(profile);
    expect(details()).toMatchObject({ profileId: profile.id, rows: 500_000, columns: 12 });

    const mapping = saveMapping(db, dataset.id, { ethnicity: { column: 'eth', scheme: 'nhs-ethnic-category' } });
    const analysis = saveAnalysis(db, { datasetId: dataset.id, profileId: profile.id, mappingId: mapping.id, kind: 'representation', result: { groups: 19 } });
    expect(listAnalyses(db, dataset.id)).toEqual([analysis]);
    expect(lastEvent().type).toBe('analysis.saved');
    expect(verifyAuditLog(db).ok).toBe(true);
  });

  it('rolls back the row when its audit event cannot be written, and the event when the row cannot', () => {
    const before = listAuditEvents(db).length;
    expect(() => saveProfile(db, { datasetId: 'no-such-dataset', appVersion: '0.1.0', rows: 1, columns: 1, summary: {} })).toThrow(/FOREIGN KEY/);
    expect(listAuditEvents(db)).toHaveLength(before);
    expect(() => createProject(db, 'x'.repeat(2000))).toThrow(/too long/);
    expect(listProjects(db)).toEqual([]);
  });
});

describe('mappings, answers, reports, settings', () => {
  it('versions a mapping only when it changes', () => {
    const dataset = recordDatasetOpened(db, fingerprint);
    const v1 = saveMapping(db, dataset.id, { sex: { column: 'gender' } });
    expect(saveMapping(db, dataset.id, { sex: { column: 'gender' } })).toEqual(v1);
    const v2 = saveMapping(db, dataset.id, { sex: { column: 'sex_code' } });
    expect([v1.version, v2.version]).toEqual([1, 2]);
    expect(latestMapping(db, dataset.id)).toEqual(v2);
    expect(listAuditEvents(db, { type: 'mapping.changed' })).toHaveLength(2);
  });

  it('replaces an answer and records its hash, not its text', () => {
    const project = createProject(db, 'P');
    saveAnswer(db, project.id, 'ST-1a', { text: 'first draft' });
    saveAnswer(db, project.id, 'ST-1a', { text: 'final wording' });
    expect(listAnswers(db, project.id)).toMatchObject([{ itemId: 'ST-1a', answer: { text: 'final wording' } }]);
    expect(lastEvent().detailsJson).not.toContain('final wording');
    expect(details().sha256).toBe(canonicalSha256({ text: 'final wording' }));
  });

  it('records a built report by file names and hashes', () => {
    const dataset = recordDatasetOpened(db, fingerprint);
    const files = [{ path: 'report.html', sha256: '1'.repeat(64) }];
    const report = recordReportBuilt(db, { datasetId: dataset.id, policyId: 'opensafely', policySha256: '2'.repeat(64), files });
    expect(getReport(db, report.id)).toEqual(report);
    expect(details()).toMatchObject({ reportId: report.id, files });
  });

  it('audits a policy change with the old and new hashes, and nothing when it is unchanged', () => {
    const a = presetPolicy('opensafely');
    const b = presetPolicy('uk-llc');
    setActivePolicy(db, a);
    setActivePolicy(db, a);
    setActivePolicy(db, b);
    expect(getActivePolicy(db)).toEqual(JSON.parse(canonicalJson(b)));
    const changes = listAuditEvents(db, { type: 'policy.changed' }).map((e) => JSON.parse(e.detailsJson));
    expect(changes).toEqual([
      { policyId: 'opensafely', policySha256: canonicalSha256(a), previousPolicySha256: null },
      { policyId: 'uk-llc', policySha256: canonicalSha256(b), previousPolicySha256: canonicalSha256(a) },
    ]);
    setSetting(db, 'example.flag', true);
    expect(getSetting(db, 'example.flag')).toBe(true);
    expect(lastEvent().type).toBe('setting.changed');
  });
});

describe('identities, keys, requests, reviews', () => {
  const manifestJson = '{"format":"represent-export-request"}';
  const request = {
    requestId: '33333333-3333-4333-8333-333333333333',
    reportId: null,
    requesterName: 'Ada Analyst',
    requesterIdentityId: '44444444-4444-4444-8444-444444444444',
    policyId: 'opensafely',
    policySha256: '5'.repeat(64),
    datasetSha256: '6'.repeat(64),
    manifestSha256: '7'.repeat(64),
    manifestJson,
    bundleFile: '/exports/request.zip',
    bundleSha256: '8'.repeat(64),
    createdAt: '2025-06-01T10:00:00.000Z',
  };
  const review = {
    decision: 'approved' as const,
    reviewerName: 'Rita Reviewer',
    reviewerIdentityId: '55555555-5555-4555-8555-555555555555',
    keyFingerprint: '9'.repeat(64),
    overallComment: 'Fine to release.',
    outputs: [{ id: 't1', decision: 'approved' as const, comment: null }],
    statementSha256: 'a'.repeat(64),
    signature: 'c2ln',
    decidedAt: '2025-06-02T10:00:00.000Z',
  };

  it('keeps one local profile and updates it in place', () => {
    expect(currentIdentity(db)).toBeNull();
    const first = saveIdentity(db, { displayName: ' Rita Reviewer ', role: 'analyst', osUser: 'rita' });
    const second = saveIdentity(db, { displayName: 'Rita Reviewer', role: 'reviewer', osUser: 'rita' });
    expect(second.id).toBe(first.id);
    expect(currentIdentity(db)).toMatchObject({ displayName: 'Rita Reviewer', role: 'reviewer' });
    expect(() => saveIdentity(db, { displayName: 'X', role: 'admin' as never, osUser: 'x' })).toThrow(/CHECK/);
  });

  it('keeps one active signing key per identity', () => {
    const id = saveIdentity(db, { displayName: 'Rita', role: 'reviewer', osUser: 'rita' });
    insertSigningKey(db, { fingerprint: '1'.repeat(64), identityId: id.id, publicKeyPem: 'pem1', sealedPrivateKeyJson: '{}' });
    insertSigningKey(db, { fingerprint: '2'.repeat(64), identityId: id.id, publicKeyPem: 'pem2', sealedPrivateKeyJson: '{}' });
    expect(activeSigningKey(db, id.id)!.fingerprint).toBe('2'.repeat(64));
    expect(listSigningKeys(db).map((k) => k.retiredAt === null)).toEqual([false, true]);
  });

  it('records a written request, an opened one, and one review per request', () => {
    const out = recordRequestWritten(db, request, [{ path: 'a.csv', sha256: 'b'.repeat(64) }], 1);
    expect(getExportRequest(db, request.requestId, 'outgoing')).toEqual(out);
    expect(lastEvent().type).toBe('request.written');

    const incoming = recordRequestOpened(db, request);
    expect(recordRequestOpened(db, request).rowId).toBe(incoming.rowId); // remembered once, audited each time
    expect(listAuditEvents(db, { type: 'request.opened' })).toHaveLength(2);
    expect(() => recordRequestOpened(db, { ...request, manifestSha256: 'f'.repeat(64) })).toThrow(/different request/);
    expect(listExportRequests(db).map((r) => r.direction)).toEqual(['outgoing', 'incoming']);

    const r = recordApproval(db, incoming, review, { bundleFile: '/exports/release.zip', bundleSha256: 'c'.repeat(64), files: [{ path: 'a.csv', sha256: 'b'.repeat(64) }] });
    expect(getReviewForRequest(db, incoming.rowId)).toEqual(r);
    expect(getExportRequest(db, request.requestId, 'incoming')!.status).toBe('approved');
    expect(listAuditEvents(db).slice(-2).map((e) => e.type)).toEqual(['review.decided', 'release.written']);
    const decided = JSON.parse(listAuditEvents(db, { type: 'review.decided' })[0]!.detailsJson) as { overallCommentSha256: string };
    expect(decided.overallCommentSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(listAuditEvents(db).map((e) => e.detailsJson).join('\n')).not.toContain('Fine to release');

    const eventsBefore = listAuditEvents(db).length;
    expect(() => recordRejection(db, incoming, { ...review, decision: 'rejected' }, { responseFile: '/x.json', responseSha256: 'd'.repeat(64) })).toThrow(/UNIQUE/);
    expect(listAuditEvents(db)).toHaveLength(eventsBefore);
    expect(getExportRequest(db, request.requestId, 'incoming')!.status).toBe('approved');
    expect(verifyAuditLog(db).ok).toBe(true);
  });

  it('journals pending writes', () => {
    insertPendingWrite(db, '/tmp/.a.partial', '/tmp/a.zip');
    markPendingWriteCommitted(db, '/tmp/.a.partial');
    expect(listPendingWrites(db)).toMatchObject([{ tempPath: '/tmp/.a.partial', targetPath: '/tmp/a.zip', state: 'committed', ownerPid: process.pid }]);
    deletePendingWrite(db, '/tmp/.a.partial');
    expect(listPendingWrites(db)).toEqual([]);
  });
});
