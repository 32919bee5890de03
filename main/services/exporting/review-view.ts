// The reviewer's side for the Review page: a request bundle as ReviewView (hash-checked, recorded
// and audited as opened by showExportRequest), with the request's own report so the reviewer can
// read it on the page, and the page's decisions as a signed review.
import type { ReviewDecideRequest, ReviewOutcome, ReviewView } from '../../../shared/api';
import { RepresentError } from '../../../shared/errors';
import type { Db } from '../../store/database-type';
import { reviewExportRequest, showExportRequest } from '../export-workflow/review';
import { commentRequired, type ReviewDecisions } from '../export-workflow/review-rules';
import type { OpenedRequest } from '../export-workflow/open-request';
import { readBundleReport, readBundleScreen } from './review-report';

export async function openForReview(db: Db, file: string, now?: Date): Promise<ReviewView> {
  const shown = await showExportRequest(db, file, now);
  const m = shown.opened.manifest;
  const report = readBundleReport(shown.opened);
  const screen = readBundleScreen(shown.opened);
  return {
    path: shown.opened.file,
    requestId: m.requestId,
    requester: { name: m.requester.displayName, role: m.requester.role },
    purpose: m.purpose,
    justification: m.justification,
    createdIso: m.createdAt,
    policy: { id: m.policy.id ?? '', name: m.policy.name },
    dataset: { fileName: m.dataset.fileName, sha256: m.dataset.sha256 },
    outputs: m.outputs.map((o) => ({
      id: o.id,
      status: o.status,
      files: o.files,
      summary: o.summary,
      exception: o.exception,
      commentRequired: { approve: commentRequired(o.status, 'approved'), reject: commentRequired(o.status, 'rejected') },
    })),
    reportHtml: reportHtmlOf(shown.opened),
    report: report.report,
    screen: screen.screen,
    warnings: [...shown.warnings, ...report.warnings, ...screen.warnings],
    alreadyReviewed: shown.review ? { decision: shown.review.decision, decidedIso: shown.review.decidedAt, reviewer: shown.review.reviewerName } : null,
  };
}

/** report.html when the bundle has it, else its first HTML output; null when it has none. */
function reportHtmlOf(opened: OpenedRequest): string | null {
  const outputs = opened.manifest.files.filter((f) => f.role === 'output').map((f) => f.path);
  const name = outputs.includes('report.html') ? 'report.html' : outputs.find((p) => /\.html?$/i.test(p));
  const bytes = name === undefined ? undefined : opened.files.get(name);
  return bytes ? bytes.toString('utf8') : null;
}

/**
 * The decisions as the review rules take them, with the overall decision the reviewer chose.
 *
 * Approve needs at least one approved output: a release holds the approved outputs only (as
 * SACRO-Viewer's release package does), so approving with none would release nothing.
 *
 * Reject is allowed whatever the per-output marks, and releases nothing. That follows Airlock,
 * where votes on files and the decision on the request are separate: a checker may reject a
 * request as a whole (its purpose does not need the outputs, the outputs only make sense
 * together, the output type breaks the permitted-results policy) even though some files would
 * pass on their own. Rejecting is the safe direction (nothing can leave by it), and the signed
 * response keeps each output's mark and comment, so the requester knows what would pass when
 * they ask again. See reference disclosure-control.md c1 item 5 and c2.
 */
export function decisionsFrom(input: Pick<ReviewDecideRequest, 'decision' | 'decisions' | 'overallComment'>): ReviewDecisions {
  // No prototype: an output id such as "__proto__" is just a key.
  const outputs = Object.create(null) as Record<string, { decision: 'approved' | 'rejected'; comment: string | null }>;
  for (const d of input.decisions) {
    if (Object.hasOwn(outputs, d.outputId))
      throw new RepresentError('bad-review', 'An output was decided twice.', { expected: 'one decision per output', found: `two for ${d.outputId}` });
    outputs[d.outputId] = { decision: d.decision, comment: d.comment };
  }
  if (input.decision === 'approve' && !input.decisions.some((d) => d.decision === 'approved'))
    throw new RepresentError('bad-review', 'To approve the request, approve at least one output: a release holds only the approved outputs.', {
      expected: 'at least one output marked approved, or the overall decision reject',
      found: `all ${input.decisions.length} output${input.decisions.length === 1 ? '' : 's'} marked rejected`,
    });
  return { outputs, overall: { decision: input.decision === 'approve' ? 'approved' : 'rejected', comment: input.overallComment } };
}

/** What a rejection with some outputs marked approved means, said once the response is written. */
function rejectionNotes(input: Pick<ReviewDecideRequest, 'decision' | 'decisions'>): string[] {
  if (input.decision !== 'reject') return [];
  const approved = input.decisions.filter((d) => d.decision === 'approved').length;
  if (approved === 0) return [];
  return [
    `You rejected the request as a whole, so nothing is released, although you marked ${approved} output${approved === 1 ? '' : 's'} as approved. The response records each output’s mark, so the requester can see what would pass.`,
  ];
}

export async function decideReview(db: Db, input: ReviewDecideRequest, now?: Date): Promise<ReviewOutcome> {
  const result = await reviewExportRequest(db, {
    requestFile: input.path,
    decisions: decisionsFrom(input),
    passphrase: input.passphrase,
    outPath: input.outPath,
    ...(now ? { now } : {}),
  });
  return { kind: result.kind, path: result.path, sha256: result.sha256, warnings: [...result.warnings, ...rejectionNotes(input)] };
}
