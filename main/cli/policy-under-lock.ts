// A TRE that locks a disclosure policy (locked-policy.json in the Represent home) binds the CLI as
// it binds the app: a --policy may tighten the lock, never loosen it (the error names the looser
// parameter), and without --policy the command's own default applies only if it is at least as
// strict as the lock; otherwise the lock does. Reading the lock writes nothing, so it holds for
// `--no-store` runs too.
import { tightenOnly, type Policy } from '../../shared/disclosure';
import { isAtLeastAsStrict, loadLockedPolicy } from '../services/exporting/policy-in-force';
import { representHome } from '../store/home';

export async function policyUnderLock(chosen: Policy | undefined, commandDefault: () => Promise<Policy>, home: string = representHome()): Promise<Policy> {
  const locked = await loadLockedPolicy(home);
  if (chosen) return locked ? tightenOnly(locked, chosen) : chosen;
  if (!locked) return commandDefault();
  // A default that cannot be read (no policy set in this home) gives way to the lock.
  const own = await commandDefault().catch(() => undefined);
  return own && isAtLeastAsStrict(locked, own) ? own : locked;
}
