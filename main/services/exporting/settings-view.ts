// What the Settings page shows: the policy in force (and whether a TRE locked it), the local
// profile, the active signing key, the reference populations and whether a requester may approve
// their own request (a parameter of the policy in force, not a setting of its own).
import type { SettingsView } from '../../../shared/api';
import { allPresets } from '../../../shared/disclosure';
import type { Db } from '../../store/database-type';
import { currentIdentity } from '../../store/identities';
import { activeSigningKey } from '../../store/signing-keys';
import { listReferenceOptions } from '../workspace/references';
import { lockedPolicyPath, policyInForce } from './policy-in-force';

export async function settingsView(db: Db, home: string): Promise<SettingsView> {
  const { active, locked } = await policyInForce(db, home);
  const identity = currentIdentity(db);
  const key = identity ? activeSigningKey(db, identity.id) : undefined;
  return {
    policy: {
      active,
      locked: locked !== null,
      lockedBy: locked ? `${locked.name} (${lockedPolicyPath(home)})` : null,
      presets: allPresets().map((p) => ({ id: p.id, name: p.name, description: p.description ?? '' })),
    },
    identity: identity ? { displayName: identity.displayName, role: identity.role, osUser: identity.osUser } : null,
    signingKey: key ? { fingerprint: key.fingerprint, createdIso: key.createdAt } : null,
    references: listReferenceOptions(db),
    allowSelfReview: active.allowSelfReview,
  };
}
