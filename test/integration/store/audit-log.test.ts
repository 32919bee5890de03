// The audit log against a real store file: the chain verifies, and any edit, deletion or
// reordering made behind the app's back (sqlite3 shell, triggers dropped) is caught.
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { openStore } from '../../../main/store/database';
import { appendAuditEvent, auditHead, listAuditEvents, verifyAuditLog } from '../../../main/store/audit-log';
import type { Db } from '../../../main/store/database-type';
import { tempStoreDir } from './helpers';

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});

function freshStore(): { db: Db; file: string } {
  const t = tempStoreDir();
  const db = openStore(t.file);
  cleanups.push(() => {
    if (db.open) db.close();
    t.cleanup();
  });
  return { db, file: t.file };
}

function addEvents(db: Db, n: number): void {
  for (let i = 0; i < n; i++)
    appendAuditEvent(db, 'dataset.opened', { datasetId: `d${i}`, fileName: `extract-${i}.csv`, sizeBytes: 1000 + i, sha256: i.toString(16).padStart(64, '0') }, { subject: `d${i}` });
}

/** What someone with the sqlite3 shell could do: drop the guards, then edit. */
function dropGuards(db: Db): void {
  db.exec('DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete;');
}

describe('audit log', () => {
  it('chains every event to the one before it and verifies', () => {
    const { db } = freshStore();
    addEvents(db, 5);
    const events = listAuditEvents(db);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]); // 1 is the store's own "migrated" event
    for (let i = 1; i < events.length; i++) expect(events[i]!.prevHash).toBe(events[i - 1]!.hash);
    const v = verifyAuditLog(db);
    expect(v).toMatchObject({ ok: true, events: 6, problems: [] });
    expect(v.head).toEqual(auditHead(db));
  });

  it('refuses updates and deletes from the app itself', () => {
    const { db } = freshStore();
    addEvents(db, 2);
    expect(() => db.prepare("UPDATE audit_events SET actor_name = 'someone else' WHERE seq = 2").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_events WHERE seq = 2').run()).toThrow(/append-only/);
    expect(verifyAuditLog(db).ok).toBe(true);
  });

  it('records the acting profile, or the OS account before a profile exists', () => {
    const { db } = freshStore();
    addEvents(db, 1);
    expect(listAuditEvents(db).at(-1)!.actor.identityId).toBeNull();
    db.prepare("INSERT INTO identities VALUES ('22222222-2222-4222-8222-222222222222', 'Rita Reviewer', 'reviewer', 'rita', 'x', 'x')").run();
    addEvents(db, 1);
    expect(listAuditEvents(db).at(-1)!.actor).toMatchObject({ name: 'Rita Reviewer', identityId: '22222222-2222-4222-8222-222222222222' });
  });

  it('refuses details too long to be metadata (a pasted value, not an id or a name)', () => {
    const { db } = freshStore();
    const before = listAuditEvents(db).length;
    expect(() => appendAuditEvent(db, 'project.created', { projectId: 'p', name: 'x'.repeat(5000) })).toThrow(/too long/);
    expect(listAuditEvents(db)).toHaveLength(before);
  });

  type Tamper =
    | { kind: 'edit'; seq: number; column: 'at' | 'actor_name' | 'type' | 'subject' | 'details_json' }
    | { kind: 'delete'; seq: number }
    | { kind: 'swap'; a: number; b: number };

  const tamper = (n: number): fc.Arbitrary<Tamper> =>
    fc.oneof(
      fc.record({ kind: fc.constant('edit' as const), seq: fc.integer({ min: 1, max: n }), column: fc.constantFrom('at' as const, 'actor_name' as const, 'type' as const, 'subject' as const, 'details_json' as const) }),
      // Deleting the newest event leaves a valid (shorter) chain; that case needs an anchor (next test).
      fc.record({ kind: fc.constant('delete' as const), seq: fc.integer({ min: 1, max: n - 1 }) }),
      fc.record({ kind: fc.constant('swap' as const), a: fc.integer({ min: 1, max: n }), b: fc.integer({ min: 1, max: n }) }).filter((t) => t.a !== t.b),
    );

  function apply(db: Db, t: Tamper): number {
    dropGuards(db);
    if (t.kind === 'edit') {
      const value = t.column === 'details_json' ? '{"datasetId":"other"}' : t.column === 'at' ? '2000-01-01T00:00:00.000Z' : 'edited';
      db.prepare(`UPDATE audit_events SET ${t.column} = ? WHERE seq = ?`).run(value, t.seq);
      return t.seq;
    }
    if (t.kind === 'delete') {
      db.prepare('DELETE FROM audit_events WHERE seq = ?').run(t.seq);
      return t.seq + 1;
    }
    // Reorder: the two events trade places (each row's content moves to the other's position).
    const cols = 'at, actor_name, actor_identity_id, actor_os_user, type, subject, details_json, prev_hash, hash';
    const rowA = db.prepare(`SELECT ${cols} FROM audit_events WHERE seq = ?`).get(t.a) as Record<string, unknown>;
    const rowB = db.prepare(`SELECT ${cols} FROM audit_events WHERE seq = ?`).get(t.b) as Record<string, unknown>;
    const set = cols
      .split(', ')
      .map((c) => `${c} = @${c}`)
      .join(', ');
    db.prepare('UPDATE audit_events SET hash = hash || seq').run(); // dodge UNIQUE(hash) while swapping
    db.prepare(`UPDATE audit_events SET ${set} WHERE seq = @seq`).run({ ...rowB, seq: t.a });
    db.prepare(`UPDATE audit_events SET ${set} WHERE seq = @seq`).run({ ...rowA, seq: t.b });
    db.prepare('UPDATE audit_events SET hash = substr(hash, 1, 64)').run();
    return Math.min(t.a, t.b);
  }

  it('detects any edited, deleted or reordered event (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 12 }).chain((n) => fc.tuple(fc.constant(n), tamper(n + 1))),
        ([n, t]) => {
          const { db } = freshStore();
          addEvents(db, n);
          const at = apply(db, t);
          const v = verifyAuditLog(db);
          expect(v.ok).toBe(false);
          expect(v.problems.some((p) => p.seq === at)).toBe(true);
          db.close();
        },
      ),
      { numRuns: 40 },
    );
  });

  it('detects a log cut short when given an anchor (the head a bundle recorded)', () => {
    const { db } = freshStore();
    addEvents(db, 4);
    const anchor = auditHead(db)!;
    dropGuards(db);
    db.prepare('DELETE FROM audit_events WHERE seq = ?').run(anchor.seq);
    expect(verifyAuditLog(db).ok).toBe(true); // a prefix of a chain is a valid chain…
    const v = verifyAuditLog(db, { anchors: [anchor] });
    expect(v.ok).toBe(false); // …which the anchor exposes
    expect(v.problems[0]).toMatchObject({ kind: 'anchor-missing', seq: anchor.seq });
    expect(verifyAuditLog(db, { anchors: [{ seq: 2, hash: '0'.repeat(64) }] }).problems.some((p) => p.kind === 'anchor-mismatch')).toBe(true);
  });

  it('keeps one chain when two connections append in turn', () => {
    const { db, file } = freshStore();
    const other = openStore(file);
    for (let i = 0; i < 10; i++) {
      appendAuditEvent(i % 2 ? db : other, 'project.created', { projectId: `p${i}`, name: `Project ${i}` });
    }
    other.close();
    const v = verifyAuditLog(db);
    expect(v.ok).toBe(true);
    expect(v.events).toBe(11);
  });
});
