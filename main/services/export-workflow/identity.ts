// The local profile as the workflow needs it: who is requesting, who is reviewing.
import { RepresentError } from '../../../shared/errors';
import type { Db } from '../../store/database-type';
import { currentIdentity, saveIdentity, ROLES, type Identity, type Role } from '../../store/identities';
import { osUserName } from '../../store/audit-log';

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Creates or updates this store's profile; the OS user name is read, not typed. */
export function saveLocalProfile(db: Db, profile: { displayName: string; role: Role }, now?: Date): Identity {
  const displayName = profile.displayName.trim();
  if (displayName.length === 0 || displayName.length > 200)
    throw new RepresentError('bad-argument', 'A display name is needed.', { expected: 'a name of 1 to 200 characters', found: `${displayName.length} characters` });
  return saveIdentity(db, { displayName, role: profile.role, osUser: osUserName() }, now);
}

export function requireIdentity(db: Db): Identity {
  const identity = currentIdentity(db);
  if (!identity)
    throw new RepresentError('no-identity', 'No local profile is set up in this Represent home.', {
      expected: 'a profile (run: represent keys profile --name NAME --role analyst|reviewer)',
      found: 'none',
    });
  return identity;
}

export function requireReviewer(db: Db): Identity {
  const identity = requireIdentity(db);
  if (identity.role !== 'reviewer')
    throw new RepresentError('no-identity', 'Only a reviewer can review an export request.', {
      expected: 'a local profile with the role "reviewer"',
      found: `the role "${identity.role}"`,
    });
  return identity;
}
