// The reviewer's form: a decision on every output, the comments the review rules require (the
// main side says per output which decisions need one: ReviewOutputView.commentRequired), an overall
// comment and the passphrase. Checked here first so the reviewer sees every problem at once;
// the main side checks again and signs nothing it would refuse.
import type { ReviewDecideRequest, ReviewOutputView } from '../../../shared/api';
import { fileNamePart, localDate, type FormProblem } from './form-problems';

export type OutputDecision = 'approved' | 'rejected';
export type Verdict = 'approve' | 'reject';

export interface OutputChoice {
  decision: OutputDecision | null;
  comment: string;
}

/** Field ids are built from the output's position: output ids are free text from the bundle. */
export const reviewFieldIds = {
  decision: (index: number) => `review-output-${index}-approve`,
  comment: (index: number) => `review-output-${index}-comment`,
  overall: 'review-overall-comment',
  passphrase: 'review-passphrase',
};

export function commentNeeded(output: ReviewOutputView, decision: OutputDecision | null): boolean {
  if (decision === null) return false;
  return decision === 'approved' ? output.commentRequired.approve : output.commentRequired.reject;
}

/** When this output's comment is needed, in words, before any decision is made. */
export function commentRule(output: ReviewOutputView): string {
  const { approve, reject } = output.commentRequired;
  if (approve && reject) return 'Needed whichever you decide.';
  if (approve) return 'Needed if you approve it.';
  if (reject) return 'Needed if you reject it.';
  return 'Optional.';
}

export interface ReviewFormInput {
  outputs: readonly ReviewOutputView[];
  choices: readonly OutputChoice[];
  overallComment: string;
  passphraseGiven: boolean;
  verdict: Verdict;
}

export function checkReviewForm(input: ReviewFormInput): FormProblem[] {
  const problems: FormProblem[] = [];
  input.outputs.forEach((o, i) => {
    const choice = input.choices[i];
    const decision = choice?.decision ?? null;
    if (decision === null) {
      problems.push({ fieldId: reviewFieldIds.decision(i), text: `Choose whether to approve or reject ${o.id}` });
      return;
    }
    if (commentNeeded(o, decision) && (choice?.comment ?? '').trim() === '')
      problems.push({
        fieldId: reviewFieldIds.comment(i),
        text: `Enter a comment on ${o.id}: ${decision === 'approved' ? `approving an output marked "${o.status}"` : `rejecting an output marked "${o.status}"`} needs one`,
      });
  });
  const decisions = input.choices.map((c) => c.decision);
  if (input.verdict === 'approve' && input.outputs.length > 0 && !decisions.includes('approved') && !decisions.includes(null))
    problems.push({ fieldId: reviewFieldIds.decision(0), text: 'Approve at least one output to write a release, or reject the request' });
  // A rejection may keep outputs marked Approve: the request carries the overall decision, nothing
  // is released, and the signed response keeps each mark (main/services/exporting/review-view.ts).
  if (input.overallComment.trim() === '') problems.push({ fieldId: reviewFieldIds.overall, text: 'Enter an overall comment' });
  if (!input.passphraseGiven) problems.push({ fieldId: reviewFieldIds.passphrase, text: 'Enter the passphrase of your signing key' });
  return problems;
}

/** The decide request; call only after checkReviewForm found no problem. */
export function decideRequest(args: { verdict: Verdict; path: string; outputs: readonly ReviewOutputView[]; choices: readonly OutputChoice[]; overallComment: string; passphrase: string; outPath: string }): ReviewDecideRequest {
  return {
    path: args.path,
    decision: args.verdict,
    decisions: args.outputs.map((o, i) => {
      const c = args.choices[i];
      if (!c || c.decision === null) throw new Error('decideRequest called with an undecided output');
      return { outputId: o.id, decision: c.decision, comment: c.comment.trim() };
    }),
    overallComment: args.overallComment.trim(),
    passphrase: args.passphrase,
    outPath: args.outPath,
  };
}

export function outcomeFileName(verdict: Verdict, requestId: string, now: Date): string {
  const id = fileNamePart(requestId);
  return `represent-${verdict === 'approve' ? 'release' : 'response'}-${id || localDate(now)}.zip`;
}

/** The status word from disclosure control, in plain words for the reviewer. */
export const OUTPUT_STATUS_WORDS: Readonly<Record<string, string>> = {
  pass: 'Passes the disclosure rules',
  fail: 'Fails a disclosure rule',
  review: 'Needs your review',
};
