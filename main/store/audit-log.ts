// The append-only, hash-chained audit log. Each event's hash covers the previous event's hash and
// the event's own content (sequence number, time, actor, type, subject and the exact stored details
// text), so editing, deleting or reordering any event breaks the chain from that point on.
//
// A chain cannot show that its newest events were cut off: the remaining prefix is still a valid
// chain. Anchors close that gap: every bundle we write records the writer's audit head (sequence
// number and hash), and `verifyAuditLog` checks any anchors it is given against the log.
import os from 'node:os';
import type { Db } from './database-type';
import type { AuditEventDetails, AuditEventType } from './audit-events';
import { canonicalJson, sha256Hex } from './canonical-json';
import { currentIdentity } from './identities';

export const GENESIS_HASH = '0'.repeat(64);
/** Longest string allowed in event details: ids, hashes, paths and names fit; pasted data does not. */
const MAX_DETAIL_STRING = 1024;

export interface AuditActor {
  name: string;
  identityId: string | null;
  osUser: string;
}

export interface AuditEvent {
  seq: number;
  at: string;
  actor: AuditActor;
  type: string;
  subject: string | null;
  /** The details exactly as stored (canonical JSON), which is what the hash covers. */
  detailsJson: string;
  prevHash: string;
  hash: string;
}

export interface AuditHead {
  seq: number;
  hash: string;
}

interface AuditRow {
  seq: number;
  at: string;
  actor_name: string;
  actor_identity_id: string | null;
  actor_os_user: string;
  type: string;
  subject: string | null;
  details_json: string;
  prev_hash: string;
  hash: string;
}

export function osUserName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
}

/** Who is acting: the local profile when one is set up, else the OS account. */
export function currentActor(db: Db): AuditActor {
  const osUser = osUserName();
  const identity = currentIdentity(db);
  return identity ? { name: identity.displayName, identityId: identity.id, osUser } : { name: osUser, identityId: null, osUser };
}

export function eventHash(e: Omit<AuditEvent, 'hash'>): string {
  return sha256Hex(
    canonicalJson({
      prev: e.prevHash,
      seq: e.seq,
      at: e.at,
      actor: { name: e.actor.name, identityId: e.actor.identityId, osUser: e.actor.osUser },
      type: e.type,
      subject: e.subject,
      details: e.detailsJson,
    }),
  );
}

function assertMetadataOnly(value: unknown, path: string): void {
  if (typeof value === 'string') {
    if (value.length > MAX_DETAIL_STRING) throw new TypeError(`Audit detail ${path} is too long to be metadata.`);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => assertMetadataOnly(v, `${path}[${i}]`));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) assertMetadataOnly(v, `${path}.${k}`);
  }
}

export function auditHead(db: Db): AuditHead | null {
  const row = db.prepare('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1').get() as AuditHead | undefined;
  return row ?? null;
}

/**
 * Appends one event. Runs in the caller's transaction when there is one (so the event commits or
 * rolls back with the change it records), else in its own IMMEDIATE transaction so two processes
 * appending at once queue on the write lock instead of forking the chain.
 */
export function appendAuditEvent<T extends AuditEventType>(
  db: Db,
  type: T,
  details: AuditEventDetails[T],
  options: { subject?: string | null; actor?: AuditActor; at?: Date } = {},
): AuditEvent {
  assertMetadataOnly(details, 'details');
  const append = (): AuditEvent => {
    const head = auditHead(db);
    const partial: Omit<AuditEvent, 'hash'> = {
      seq: (head?.seq ?? 0) + 1,
      at: (options.at ?? new Date()).toISOString(),
      actor: options.actor ?? currentActor(db),
      type,
      subject: options.subject ?? null,
      detailsJson: canonicalJson(details),
      prevHash: head?.hash ?? GENESIS_HASH,
    };
    const event: AuditEvent = { ...partial, hash: eventHash(partial) };
    db.prepare(
      `INSERT INTO audit_events (seq, at, actor_name, actor_identity_id, actor_os_user, type, subject, details_json, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(event.seq, event.at, event.actor.name, event.actor.identityId, event.actor.osUser, event.type, event.subject, event.detailsJson, event.prevHash, event.hash);
    return event;
  };
  return db.inTransaction ? append() : db.transaction(append).immediate();
}

function fromRow(r: AuditRow): AuditEvent {
  return {
    seq: r.seq,
    at: r.at,
    actor: { name: r.actor_name, identityId: r.actor_identity_id, osUser: r.actor_os_user },
    type: r.type,
    subject: r.subject,
    detailsJson: r.details_json,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/** Events in order, newest last; `limit` keeps the newest n. */
export function listAuditEvents(db: Db, options: { limit?: number; type?: string } = {}): AuditEvent[] {
  const where = options.type ? 'WHERE type = @type' : '';
  const rows = (
    options.limit !== undefined
      ? db.prepare(`SELECT * FROM (SELECT * FROM audit_events ${where} ORDER BY seq DESC LIMIT @limit) ORDER BY seq`).all({ type: options.type, limit: options.limit })
      : db.prepare(`SELECT * FROM audit_events ${where} ORDER BY seq`).all(options.type ? { type: options.type } : {})
  ) as AuditRow[];
  return rows.map(fromRow);
}

export type AuditProblemKind = 'sequence-gap' | 'broken-link' | 'hash-mismatch' | 'anchor-mismatch' | 'anchor-missing';

export interface AuditProblem {
  kind: AuditProblemKind;
  seq: number;
  message: string;
}

export interface AuditVerification {
  ok: boolean;
  events: number;
  head: AuditHead | null;
  problems: AuditProblem[];
}

const MAX_PROBLEMS = 50;

/** Re-computes the whole chain. Any edited, deleted or reordered event shows up as a problem. */
export function verifyAuditLog(db: Db, options: { anchors?: readonly AuditHead[] } = {}): AuditVerification {
  const problems: AuditProblem[] = [];
  const add = (p: AuditProblem) => {
    if (problems.length < MAX_PROBLEMS) problems.push(p);
  };
  const anchors = new Map((options.anchors ?? []).map((a) => [a.seq, a.hash]));
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let events = 0;
  let head: AuditHead | null = null;
  for (const row of db.prepare('SELECT * FROM audit_events ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
    const e = fromRow(row);
    events++;
    if (e.seq !== expectedSeq)
      add({ kind: 'sequence-gap', seq: e.seq, message: `Event ${e.seq} follows event ${expectedSeq - 1}: ${e.seq - expectedSeq} event(s) are missing.` });
    if (e.prevHash !== prevHash)
      add({ kind: 'broken-link', seq: e.seq, message: `Event ${e.seq} does not link to the event before it: an event before it was edited, deleted or moved.` });
    if (eventHash(e) !== e.hash)
      add({ kind: 'hash-mismatch', seq: e.seq, message: `Event ${e.seq} (${e.type}) does not match its hash: its content was changed after it was written.` });
    const anchored = anchors.get(e.seq);
    if (anchored !== undefined && anchored !== e.hash)
      add({ kind: 'anchor-mismatch', seq: e.seq, message: `Event ${e.seq} does not match the anchor recorded for it.` });
    anchors.delete(e.seq);
    expectedSeq = e.seq + 1;
    prevHash = e.hash;
    head = { seq: e.seq, hash: e.hash };
  }
  for (const seq of anchors.keys())
    add({ kind: 'anchor-missing', seq, message: `Event ${seq} is anchored elsewhere but is no longer in the log: the log was cut short.` });
  return { ok: problems.length === 0, events, head, problems };
}
