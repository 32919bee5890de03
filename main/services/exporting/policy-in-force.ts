// The disclosure policy in force for this Represent home. A TRE may lock a policy by placing
// locked-policy.json in the home folder; users can then tighten it, never loosen it. Without a
// lock the stored setting applies, and without a setting the ACRO default preset.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parsePolicy, parsePolicyText, presetPolicy, tightenOnly, type Policy } from '../../../shared/disclosure';
import { RepresentError } from '../../../shared/errors';
import type { Db } from '../../store/database-type';
import { getActivePolicy, setActivePolicy, type StoredPolicy } from '../../store/settings';

export const LOCKED_POLICY_FILE = 'locked-policy.json';
export const DEFAULT_PRESET = 'acro-default';

export function lockedPolicyPath(home: string): string {
  return path.join(home, LOCKED_POLICY_FILE);
}

/** The TRE's locked policy, or null when the home has none. A lock that cannot be read fails closed. */
export async function loadLockedPolicy(home: string): Promise<Policy | null> {
  const file = lockedPolicyPath(home);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    // No file there (ENOTDIR: the home path runs through a file, so no lock can exist in it).
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw new RepresentError('bad-policy', 'The locked disclosure policy could not be read, so nothing that depends on the policy can run.', {
      expected: 'a readable policy file (JSON) from your TRE',
      found: 'a file Represent may not read, or a folder',
      location: { file },
    });
  }
  return parsePolicyText(text, file);
}

export interface PolicyInForce {
  active: Policy;
  locked: Policy | null;
}

/**
 * The stored policy when it exists and (under a lock) is at least as strict as the lock; the lock
 * itself when the stored one is looser (a lock placed after a looser choice wins); else the default.
 */
export async function policyInForce(db: Db, home: string): Promise<PolicyInForce> {
  const locked = await loadLockedPolicy(home);
  const stored = getActivePolicy(db);
  const chosen = stored === undefined ? null : parsePolicy(stored, 'the policy set in this Represent home');
  if (locked) {
    if (chosen && isAtLeastAsStrict(locked, chosen)) return { active: chosen, locked };
    return { active: locked, locked };
  }
  return { active: chosen ?? presetPolicy(DEFAULT_PRESET), locked: null };
}

/** True when `requested` loosens none of the locked policy's rules. */
export function isAtLeastAsStrict(locked: Policy, requested: Policy): boolean {
  try {
    tightenOnly(locked, requested);
    return true;
  } catch (e) {
    if (e instanceof RepresentError) return false;
    throw e;
  }
}

/** Validates and stores a policy; under a lock, refuses one that loosens any rule (the error names the key). */
export async function setPolicyInForce(db: Db, home: string, requested: unknown, now: Date = new Date()): Promise<Policy> {
  const policy = parsePolicy(requested, 'the chosen policy');
  const locked = await loadLockedPolicy(home);
  if (locked) tightenOnly(locked, policy);
  setActivePolicy(db, policy as unknown as StoredPolicy, now);
  return policy;
}
