// Small formatting helpers shared by the renderers. Deterministic (no locale lookups), so a
// report renders to the same bytes on every machine.

import type { CellStatus, Policy } from '../disclosure';
import type { TextAnswer } from './answers';
import type { ReferenceSummaryInReport } from './model';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** 12345 → "12,345". */
export function groupDigits(n: number): string {
  const s = String(Math.abs(n));
  const [int, frac] = s.split('.') as [string, string | undefined];
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${n < 0 ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

/** A published count, or the policy's marker when it is suppressed. */
export function countText(value: number | null, marker: string): string {
  return value === null ? marker : groupDigits(value);
}

/** A derived figure (percent, ratio) to fixed decimals, or the marker when its inputs are suppressed. */
export function figureText(value: number | null, decimals: number, marker: string): string {
  return value === null ? marker : value.toFixed(decimals);
}

export function isSuppressed(status: CellStatus): boolean {
  return status === 'suppressed-primary' || status === 'suppressed-secondary';
}

export const STATUS_LABELS = {
  complete: 'Complete',
  partial: 'Partial',
  'not-available': 'Not available',
  missing: 'Missing',
} as const;

export const EVIDENCE_LABELS = { automatic: 'Automatic', human: 'Human', both: 'Automatic and human' } as const;

export const RECORDING_LABELS: Record<string, string> = {
  'self-reported': 'Self-reported',
  assigned: 'Assigned by staff or a proxy',
  inferred: 'Inferred or derived',
  linked: 'Linked from another source',
  unknown: 'Not known',
};

/** An answer in words: the text, "Not available: reason", or "Not answered yet". */
export function answerText(a: TextAnswer | undefined): { kind: 'answered' | 'not-available' | 'missing'; text: string } {
  if (a === null || a === undefined) return { kind: 'missing', text: 'Not answered yet.' };
  if (typeof a === 'string') return { kind: 'answered', text: a };
  return { kind: 'not-available', text: `Not available: ${a.notAvailable}` };
}

/** "accessRoute" → "Access route". */
export function fieldLabel(key: string): string {
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A file-name-safe slug. */
export function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'table'
  );
}

/** The policy's parameters in words, for the report's disclosure section and the app's settings. */
export function policyParameterLines(p: Policy): [string, string][] {
  return [
    ['Policy', `${p.name} (${p.id})`],
    ['Smallest published count', String(p.threshold)],
    ['Zeros', p.zerosDisclosive ? 'treated as disclosive and not published' : 'published'],
    ['Rounding', p.rounding.base > 1 ? `to the nearest ${p.rounding.base}` : 'none'],
    ['Totals', p.totals === 'rounded-true-total' ? 'true totals, rounded' : 'sums of the published cells'],
    ['Protection width', String(p.protectionWidth ?? p.threshold)],
    ['Marker for hidden values', p.marker],
    ['Dominance rule', p.dominance ? `the largest ${p.dominance.n} may not exceed ${p.dominance.k * 100}% of a total` : 'none'],
    ['p-ratio rule', p.pRatio ? `p = ${p.pRatio.p}` : 'none'],
    ['Rates', p.rates.method === 'midpoint6' ? 'midpoint-6 rounding' : 'suppress and round numerator and denominator'],
    ['Dates', `no finer than a ${p.dates.granularity}`],
    ['Exceptions', p.exceptions === 'allowed' ? 'may be requested' : 'not allowed'],
    ['Reviewer', p.allowSelfReview ? 'the requester may approve their own request' : 'someone other than the requester'],
  ];
}

/**
 * Where a reference population's figures come from, in words, for any reference (Census or
 * imported): "NAME, SOURCE (PUBLISHER; LICENCE; DATE)", and its web address when it has one. An
 * imported population's label, source and date are quoted as its file gave them.
 */
export function referenceSource(ref: ReferenceSummaryInReport): { text: string; url: string | null } {
  const custom = ref.kind === 'custom';
  const date = ref.date ? `; ${custom ? 'figures dated' : 'published'} ${ref.date}` : '';
  const what = custom ? ' (a population imported from a file)' : '';
  return { text: `${ref.name}${what}, ${ref.sourceTitle} (${ref.publisher}; ${ref.licence}${date})`, url: ref.sourceUrl.trim() ? ref.sourceUrl : null };
}
