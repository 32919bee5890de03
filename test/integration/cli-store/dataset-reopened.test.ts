// recordDatasetReopened against a real store file: the reopened dataset moves to the top of the
// recent list, its opening is audited (linked into the chain), and an unknown id changes nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../main/store/database';
import { listRecentDatasets, recordDatasetOpened, recordDatasetReopened } from '../../../main/store/datasets';
import { listAuditEvents, verifyAuditLog } from '../../../main/store/audit-log';
import { dumpDatabase, tempStoreDir } from '../store/helpers';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const fingerprint = (name: string, c: string) => ({ fileName: name, filePath: `/data/${name}`, sizeBytes: 100, modifiedAt: '2026-01-01T00:00:00.000Z', sha256: c.repeat(64) });

describe('recordDatasetReopened', () => {
  it('bumps the dataset in the recent list and appends a dataset.opened event marked reopened', () => {
    const t = tempStoreDir();
    cleanup = t.cleanup;
    const db = openStore(t.file);
    const a = recordDatasetOpened(db, fingerprint('a.csv', 'a'), new Date('2026-02-01T00:00:00.000Z'));
    const b = recordDatasetOpened(db, fingerprint('b.csv', 'b'), new Date('2026-02-02T00:00:00.000Z'));
    expect(listRecentDatasets(db, 10).map((d) => d.id)).toEqual([b.id, a.id]);

    const reopened = recordDatasetReopened(db, a.id, new Date('2026-02-03T00:00:00.000Z'));
    expect(reopened).toMatchObject({ id: a.id, openedAt: '2026-02-03T00:00:00.000Z', sha256: 'a'.repeat(64) });
    expect(listRecentDatasets(db, 10).map((d) => d.id)).toEqual([a.id, b.id]);
    const last = listAuditEvents(db).at(-1)!;
    expect(last.type).toBe('dataset.opened');
    expect(last.subject).toBe(a.id);
    expect(last.at).toBe('2026-02-03T00:00:00.000Z');
    expect(JSON.parse(last.detailsJson)).toEqual({ datasetId: a.id, fileName: 'a.csv', sizeBytes: 100, sha256: 'a'.repeat(64), reopened: true });
    expect(verifyAuditLog(db).ok).toBe(true);
    db.close();
  });

  it('returns undefined for an id the store does not hold, writing nothing', () => {
    const t = tempStoreDir();
    cleanup = t.cleanup;
    const db = openStore(t.file);
    recordDatasetOpened(db, fingerprint('a.csv', 'a'));
    const before = dumpDatabase(db);
    expect(recordDatasetReopened(db, '00000000-0000-4000-8000-000000000000')).toBeUndefined();
    expect(dumpDatabase(db)).toEqual(before);
    db.close();
  });
});
