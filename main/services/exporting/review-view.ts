// The reviewer's side for the Review page: a request bundle as ReviewView (hash-checked, recorded
// and audited as opened by showExportRequest), and the page's decisions as a signed review.
import type { ReviewDecideRequest, ReviewOutcome, ReviewView } from '../../../shared/api';
import { RepresentError } from '../../../shared/errors';
import type { Db } from '../../store/database-type';
import { reviewExportRequest, showExportRequest } from '../export-workflow/review';
import { commentRequired, type ReviewDecisions } from '../export-workflow/review-rules';
import type { OpenedRequest } from '../export-workflow/open-request';

export async function openForReview(db: Db, file: string, now?: Date): Promise<ReviewView> {
  const shown = await showExportRequest(db, file, now);
  const m = shown.opened.manifest;
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
    warnings: shown.warnings,
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
 * The request carries per-output decisions and no overall one: the review approves (and writes a
 * release of the approved outputs) when any output is approved, and rejects when none is.
 */
export function decisionsFrom(input: Pick<ReviewDecideRequest, 'decisions' | 'overallComment'>): ReviewDecisions {
  // No prototype: an output id such as "__proto__" is just a key.
  const outputs = Object.create(null) as Record<string, { decision: 'approved' | 'rejected'; comment: string | null }>;
  for (const d of input.decisions) {
    if (Object.hasOwn(outputs, d.outputId))
      throw new RepresentError('bad-review', 'An output was decided twice.', { expected: 'one decision per output', found: `two for ${d.outputId}` });
    outputs[d.outputId] = { decision: d.decision, comment: d.comment };
  }
  const overall = input.decisions.some((d) => d.decision === 'approved') ? 'approved' : 'rejected';
  return { outputs, overall: { decision: overall, comment: input.overallComment } };
}

export async function decideReview(db: Db, input: ReviewDecideRequest, now?: Date): Promise<ReviewOutcome> {
  const result = await reviewExportRequest(db, {
    requestFile: input.path,
    decisions: decisionsFrom(input),
    passphrase: input.passphrase,
    outPath: input.outPath,
    ...(now ? { now } : {}),
  });
  return { kind: result.kind, path: result.path, sha256: result.sha256, warnings: result.warnings };
}
