// How complete the documentation of each STANDING Together item is.
//
// complete       every answer field has an answer or a stated reason, at least one holds an
//                answer (or the app produced the item's evidence), and all automatic evidence exists
// not-available  every answer field says "not available" with a reason, and the app has no evidence
// partial        some, not all, of the above
// missing        nothing: no answer, no reason, no evidence
//
// "Not available" with a reason counts as documented (STANDING Together asks that missing
// information be stated), but an item where nothing at all is known is reported as such.

import { catalogueItems, partOf, type AnalysisOutput, type CatalogueItem, type Part } from './catalogue';

export type Completeness = 'complete' | 'partial' | 'not-available' | 'missing';
export type AnswerState = 'answered' | 'partial' | 'not-available' | 'missing';

export interface ItemCompleteness {
  itemId: string;
  part: Part;
  section: string;
  status: Completeness;
  /** State of each answer field named by the catalogue. */
  fields: { path: string; state: AnswerState }[];
  /** The analysis outputs the item asks for, and whether this report has them. */
  evidence: { output: AnalysisOutput; present: boolean }[];
  /** One sentence saying why the status is what it is. */
  explanation: string;
  /** An extra note written for the item, if any. */
  hasNote: boolean;
}

export interface CompletenessInput {
  fieldState(path: string): AnswerState;
  outputsPresent: ReadonlySet<AnalysisOutput>;
  notedItems?: ReadonlySet<string>;
}

export function itemCompleteness(item: CatalogueItem, input: CompletenessInput): ItemCompleteness {
  const fields = item.answerFields.map((path) => ({ path, state: input.fieldState(path) }));
  const evidence = item.analysisOutputs.map((output) => ({ output, present: input.outputsPresent.has(output) }));
  const hasNote = input.notedItems?.has(item.id) ?? false;
  const answered = fields.filter((f) => f.state === 'answered').length;
  const reasons = fields.filter((f) => f.state === 'not-available').length;
  const documented = answered + reasons;
  const evidenceHave = evidence.filter((e) => e.present).length;
  const allEvidence = evidenceHave === evidence.length;
  let status: Completeness;
  let explanation: string;
  if (documented === fields.length && allEvidence && (answered > 0 || evidenceHave > 0 || hasNote)) {
    status = 'complete';
    explanation = reasons > 0 ? 'Every question is answered or says why the information is not available.' : 'Every question is answered.';
    if (evidence.length > 0) explanation += ' The report includes the automatic evidence.';
  } else if (reasons === fields.length && evidenceHave === 0) {
    status = 'not-available';
    explanation = 'Stated as not available, with a reason.';
  } else if (documented === 0 && evidenceHave === 0 && fields.every((f) => f.state === 'missing') && !hasNote) {
    status = 'missing';
    explanation = 'No answer, no reason and no automatic evidence.';
  } else {
    status = 'partial';
    const open = fields.filter((f) => f.state === 'missing' || f.state === 'partial').map((f) => f.path);
    const lacking = evidence.filter((e) => !e.present).map((e) => e.output);
    const bits: string[] = [];
    if (open.length > 0) bits.push(`still to answer: ${open.join(', ')}`);
    if (lacking.length > 0) bits.push(`no automatic evidence for: ${lacking.join(', ')}`);
    explanation = `Partly documented; ${bits.join('; ') || 'see the answers'}.`;
  }
  return { itemId: item.id, part: partOf(item), section: item.section, status, fields, evidence, explanation, hasNote };
}

/** Completeness of every catalogue item, in catalogue order. */
export function catalogueCompleteness(input: CompletenessInput): ItemCompleteness[] {
  return catalogueItems().map((item) => itemCompleteness(item, input));
}

export function completenessCounts(items: readonly ItemCompleteness[]): Record<Completeness, number> {
  const out: Record<Completeness, number> = { complete: 0, partial: 0, 'not-available': 0, missing: 0 };
  for (const i of items) out[i.status]++;
  return out;
}
