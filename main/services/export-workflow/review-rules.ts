// The checker's rules, as SACRO-Viewer enforces them (assets/src/scripts/_form-state.js, see
// reference c1 item 5): every output gets a decision; approving an output flagged "fail" or
// "review" needs a comment, and so does rejecting one that passed; an overall comment is always
// required. Plus Airlock's rule that an author cannot review their own request (c2), unless the
// request's disclosure policy allows it (its allowSelfReview parameter, which the manifest carries
// and the reviewer's signature covers) and no policy locked in the reviewer's home forbids it.
import { PolicySchema, type Policy } from '../../../shared/disclosure';
import { RepresentError } from '../../../shared/errors';
import type { Identity } from '../../store/identities';
import type { Manifest, ManifestOutput, ReviewStatement } from './formats';

export type Decision = 'approved' | 'rejected';

export interface ReviewDecisions {
  outputs: Readonly<Record<string, { decision: Decision; comment?: string | null }>>;
  overall: { decision: Decision; comment: string };
}

export type StatementOutput = ReviewStatement['outputs'][number];

/** Whether a decision on an output with this status needs a comment. */
export function commentRequired(status: ManifestOutput['status'], decision: Decision): boolean {
  if (status === 'review') return true;
  return status === 'pass' ? decision === 'rejected' : decision === 'approved';
}

export function checkDecisions(outputs: readonly ManifestOutput[], input: ReviewDecisions): { outputs: StatementOutput[]; overallComment: string } {
  const problems: string[] = [];
  const known = new Set(outputs.map((o) => o.id));
  for (const id of Object.keys(input.outputs)) if (!known.has(id)) problems.push(`${id} is not an output of this request`);
  const decided: StatementOutput[] = [];
  for (const o of outputs) {
    const d = input.outputs[o.id];
    if (!d) {
      problems.push(`${o.id} (${o.status}) has no decision`);
      continue;
    }
    const comment = d.comment?.trim() ? d.comment.trim() : null;
    if (comment === null && commentRequired(o.status, d.decision))
      problems.push(`${o.id} (${o.status}) needs a comment to be ${d.decision}`);
    decided.push({ id: o.id, requestStatus: o.status, decision: d.decision, comment });
  }
  const overallComment = input.overall.comment.trim();
  if (overallComment === '') problems.push('the overall decision needs a comment');
  if (input.overall.decision === 'approved' && !decided.some((o) => o.decision === 'approved'))
    problems.push('an approval needs at least one approved output');
  if (problems.length > 0)
    throw new RepresentError('bad-review', `The review is incomplete: ${problems.length} problem${problems.length > 1 ? 's' : ''}.`, {
      expected: 'a decision on every output, with the comments the rules require',
      found: problems.join('; '),
    });
  return { outputs: decided, overallComment };
}

/** Output files released under these decisions: a file shared by several outputs goes only if all are approved. */
export function releasedFilePaths(manifest: Manifest, decisions: readonly StatementOutput[]): string[] {
  const approved = new Set(decisions.filter((d) => d.decision === 'approved').map((d) => d.id));
  return manifest.files
    .filter((f) => f.role === 'output')
    .map((f) => f.path)
    .filter((p) => {
      const owners = manifest.outputs.filter((o) => o.files.includes(p));
      return owners.length > 0 && owners.every((o) => approved.has(o.id));
    });
}

function sameName(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-GB');
  return norm(a) === norm(b);
}

/**
 * Whether the request's policy lets its requester review it. A manifest policy that does not parse
 * (it could not have been written by Represent) allows nothing; one from before the parameter
 * existed reads as false.
 */
export function requestPolicyAllowsSelfReview(manifest: Pick<Manifest, 'policy'>): boolean {
  const parsed = PolicySchema.safeParse(manifest.policy.parameters);
  return parsed.success && parsed.data.allowSelfReview;
}

/** Self-review is allowed only when the request's policy allows it and the reviewer's locked policy (if any) does too. */
export function selfReviewAllowed(manifest: Pick<Manifest, 'policy'>, reviewerLock: Pick<Policy, 'allowSelfReview'> | null): boolean {
  return requestPolicyAllowsSelfReview(manifest) && (reviewerLock === null || reviewerLock.allowSelfReview);
}

/**
 * The reviewer must be a different person from the requester: a different profile and a different
 * name. A shared OS account is only a warning: some TREs give every user the same local login, so
 * it does not identify a person.
 */
export function checkSeparationOfDuties(requester: Manifest['requester'], reviewer: Identity, allowSelfReview: boolean): string[] {
  const same = requester.identityId === reviewer.id || sameName(requester.displayName, reviewer.displayName);
  if (same && !allowSelfReview)
    throw new RepresentError('bad-review', 'A request must be reviewed by someone other than its requester.', {
      expected: 'a reviewer who is not the requester (the disclosure policy does not allow self-review)',
      found: requester.identityId === reviewer.id ? 'the same profile' : `the same name (${reviewer.displayName})`,
    });
  const warnings: string[] = [];
  if (same) warnings.push('You are reviewing your own request; the disclosure policy allows it.');
  else if (requester.osUser === reviewer.osUser)
    warnings.push(`The requester and you use the same OS account name (${reviewer.osUser}).`);
  return warnings;
}
