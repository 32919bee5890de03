// Key/value settings as JSON, and the disclosure policy in force (a setting whose every change is
// audited with the policy's hash).
import type { Db } from './database-type';
import { appendAuditEvent } from './audit-log';
import { canonicalJson, canonicalSha256 } from './canonical-json';

export const SETTING_KEYS = {
  /** The disclosure policy in force: the full policy object. */
  policy: 'disclosure.policy',
  // Self-review used to be a setting here ('workflow.allowSelfReview'); it is now the policy's
  // allowSelfReview parameter, hashed into every manifest. A store that still holds the old key
  // keeps it unread: ignoring it can only forbid self-review, never allow it.
} as const;

export function getSetting<T>(db: Db, key: string): T | undefined {
  const row = db.prepare('SELECT value_json FROM settings WHERE key = ?').get(key) as { value_json: string } | undefined;
  return row ? (JSON.parse(row.value_json) as T) : undefined;
}

function writeSetting(db: Db, key: string, value: unknown, at: string): void {
  db.prepare(
    `INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
  ).run(key, canonicalJson(value), at);
}

export function setSetting(db: Db, key: string, value: unknown, now: Date = new Date()): void {
  db.transaction(() => {
    writeSetting(db, key, value, now.toISOString());
    appendAuditEvent(db, 'setting.changed', { key, sha256: canonicalSha256(value) }, { subject: key, at: now });
  }).immediate();
}

export interface StoredPolicy {
  id: string;
  [parameter: string]: unknown;
}

export function getActivePolicy(db: Db): StoredPolicy | undefined {
  return getSetting<StoredPolicy>(db, SETTING_KEYS.policy);
}

/** Sets the policy in force; a no-op (and no event) when it is the same policy. */
export function setActivePolicy(db: Db, policy: StoredPolicy, now: Date = new Date()): void {
  db.transaction(() => {
    const previous = getActivePolicy(db);
    const previousHash = previous ? canonicalSha256(previous) : null;
    const hash = canonicalSha256(policy);
    if (hash === previousHash) return;
    writeSetting(db, SETTING_KEYS.policy, policy, now.toISOString());
    appendAuditEvent(db, 'policy.changed', { policyId: policy.id, policySha256: hash, previousPolicySha256: previousHash }, { subject: policy.id, at: now });
  }).immediate();
}
