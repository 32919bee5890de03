// The local profile: who is using this copy of the app. One per store; saving again updates it
// (the id, and so the link to signing keys and past audit events, stays the same).
import { randomUUID } from 'node:crypto';
import type { Db } from './database-type';
import { appendAuditEvent } from './audit-log';

export type Role = 'analyst' | 'reviewer';
export const ROLES: readonly Role[] = ['analyst', 'reviewer'];

export interface Identity {
  id: string;
  displayName: string;
  role: Role;
  osUser: string;
  createdAt: string;
  updatedAt: string;
}

interface IdentityRow {
  id: string;
  display_name: string;
  role: Role;
  os_user: string;
  created_at: string;
  updated_at: string;
}

function fromRow(r: IdentityRow): Identity {
  return { id: r.id, displayName: r.display_name, role: r.role, osUser: r.os_user, createdAt: r.created_at, updatedAt: r.updated_at };
}

function hasIdentitiesTable(db: Db): boolean {
  // The audit log asks for the actor before schema version 3 exists (during migrations).
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'identities'").get() !== undefined;
}

export function currentIdentity(db: Db): Identity | null {
  if (!hasIdentitiesTable(db)) return null;
  const row = db.prepare('SELECT * FROM identities ORDER BY created_at, id LIMIT 1').get() as IdentityRow | undefined;
  return row ? fromRow(row) : null;
}

export function saveIdentity(db: Db, profile: { displayName: string; role: Role; osUser: string }, now: Date = new Date()): Identity {
  return db
    .transaction(() => {
      const at = now.toISOString();
      const existing = currentIdentity(db);
      const displayName = profile.displayName.trim();
      let identity: Identity;
      if (existing) {
        db.prepare('UPDATE identities SET display_name = ?, role = ?, os_user = ?, updated_at = ? WHERE id = ?').run(
          displayName,
          profile.role,
          profile.osUser,
          at,
          existing.id,
        );
        identity = { ...existing, displayName, role: profile.role, osUser: profile.osUser, updatedAt: at };
      } else {
        identity = { id: randomUUID(), displayName, role: profile.role, osUser: profile.osUser, createdAt: at, updatedAt: at };
        db.prepare('INSERT INTO identities (id, display_name, role, os_user, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(
          identity.id,
          identity.displayName,
          identity.role,
          identity.osUser,
          at,
          at,
        );
      }
      appendAuditEvent(
        db,
        'identity.saved',
        { identityId: identity.id, displayName: identity.displayName, role: identity.role, osUser: identity.osUser },
        { subject: identity.id, at: now },
      );
      return identity;
    })
    .immediate();
}
