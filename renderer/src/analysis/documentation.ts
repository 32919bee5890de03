// The Documentation page's model: the STANDING Together items grouped by section with a question
// for every answer field, immutable edits to the answers document, the document cleaned for
// saving (a blank is not an answer), completeness as the report will count it, and the evidence
// the app already has for each item, in words.
import './zod-jitless';
import type { AnalysisResult } from '../../../shared/analysis/types';
import type { DatasetOverview } from '../../../shared/api';
import { ATTRIBUTE_KIND_LABELS } from '../../../shared/demographics/attributes';
import { getCategorySet } from '../../../shared/demographics/category-sets';
import type { MappingDocument } from '../../../shared/demographics/mapping-document';
import { getScheme } from '../../../shared/demographics/schemes';
import { fieldState, type Answers, type AttributeRecording, type GroupAtRisk, type TextAnswer, type TextSection } from '../../../shared/report/answers';
import { standingTogether, type AnalysisOutput, type CatalogueItem, type CatalogueSection } from '../../../shared/standards/catalogue';
import { catalogueCompleteness, completenessCounts, type ItemCompleteness } from '../../../shared/standards/completeness';

/** Questions for fields of items that ask several things; an item with one field uses its own first prompt. */
const FIELD_QUESTIONS: Readonly<Record<string, string>> = {
  'provenance.name': 'What is the dataset called?',
  'provenance.identifier': 'What is its identifier (a DOI or catalogue ID)?',
  'provenance.version': 'Which version or extract is this?',
  'provenance.custodian': 'Who is the data custodian?',
  'provenance.accessRoute': 'How does someone apply for access?',
  'provenance.licence': 'Under what licence or agreement may it be used?',
  'provenance.purpose': 'Why was the dataset created, and for whose benefit?',
  'provenance.discouragedUses': 'Which uses should be avoided?',
  'provenance.creatorsAndFunders': 'Who created and funded it?',
  'provenance.competingInterests': 'Are there any competing interests?',
  'collection.sourceType': 'What kind of source are the records from?',
  'collection.setting': 'In which care setting were they collected?',
  'collection.geography': 'Which area do the records cover?',
  'collection.sourceRationale': 'Why were these sources chosen?',
  'collection.sampling': 'How were people selected into the data?',
  'collection.linkage': 'If several sources were combined, how were they linked and how was demographic coding made consistent?',
  'composition.referenceChoice': 'Which reference population did you compare with, and why?',
  'composition.knownAbsentGroups': 'Which groups do you know are absent or under-represented, even if the data cannot show them?',
  'limitations.known': 'Which flags in this report do you confirm or dismiss, and why?',
  'limitations.mitigations': 'What other limitations do you know of, and what was done about them?',
  'limitations.modifications': 'What changes were made to the data after collection?',
  'limitations.syntheticData': 'Does the dataset contain synthetic records? If so, how were they made?',
  'limitations.selectionBias': 'Who is less likely to reach this service or be recorded?',
  'limitations.measurementBias': 'Are any measurements known to perform differently across groups (for example pulse oximetry and skin tone)?',
  'labels.definition': 'How is the outcome or label defined (code list, source)?',
  'labels.assignedBy': 'Who assigned the outcome or label?',
  'labels.knownIssues': 'Could the quality of the outcome or label differ between groups?',
  'ethics.approval': 'What is the ethics approval reference?',
  'ethics.legalBasis': 'What is the legal basis for processing?',
  'ethics.dataProtection': 'How is data protection handled (for example a data protection impact assessment)?',
  'governance.accessGovernance': 'Who governs access to the data?',
  'governance.dataSovereignty': 'Do any community data-sovereignty principles apply?',
  'involvement.activities': 'How were patients or communities involved?',
  'involvement.sharingBack': 'How are findings shared back with them?',
};

export interface FormField {
  path: string;
  label: string;
}

export interface FormItem {
  item: CatalogueItem;
  fields: FormField[];
  /** Guidance shown under the item's title: the prompts not already used as a field label. */
  hints: string[];
}

export interface FormSection {
  section: CatalogueSection;
  items: FormItem[];
}

/** The form's layout, from the catalogue (static: built once). */
export function documentationForm(): FormSection[] {
  const catalogue = standingTogether();
  return catalogue.sections.map((section) => ({
    section,
    items: catalogue.items
      .filter((i) => i.section === section.id)
      .map((item): FormItem => {
        const single = item.answerFields.length === 1;
        const fields = item.answerFields.map((path) => ({ path, label: FIELD_QUESTIONS[path] ?? (single ? item.prompts[0] : undefined) ?? item.title }));
        const used = new Set(fields.map((f) => f.label));
        return { item, fields, hints: item.prompts.filter((p) => !used.has(p)) };
      }),
  }));
}

// ---- edits ----------------------------------------------------------------------------------

/** The text answer at "section.key" (undefined when the section or key is absent). */
export function textAnswerAt(answers: Answers, path: string): TextAnswer | undefined {
  const [section, key] = path.split('.') as [TextSection, string];
  return (answers[section] as Record<string, TextAnswer | undefined> | undefined)?.[key];
}

export function setTextAnswer(answers: Answers, path: string, value: TextAnswer): Answers {
  const [section, key] = path.split('.') as [TextSection, string];
  const current = (answers[section] ?? {}) as Record<string, TextAnswer | undefined>;
  return { ...answers, [section]: { ...current, [key]: value } };
}

/** The name an attribute goes by in the answers: its label, else its kind ("ethnicity"), with the column when two share it. */
export function attributeNames(mapping: MappingDocument | null): { column: string; name: string; description: string }[] {
  if (!mapping) return [];
  const base = mapping.attributes.map((a) => a.label ?? a.kind);
  return mapping.attributes.map((a, i) => {
    const name = base.filter((b) => b === base[i]).length > 1 ? `${base[i]} (${a.column})` : (base[i] ?? a.kind);
    const scheme = getScheme(a.scheme)?.label ?? a.scheme;
    const grouping = a.grouping ? `, reported as ${getCategorySet(a.grouping)?.label ?? a.grouping}` : '';
    const byHand = a.valueMap ? Object.keys(a.valueMap).length : 0;
    const hand = byHand > 0 ? `; ${byHand} value${byHand === 1 ? '' : 's'} placed by hand` : '';
    return { column: a.column, name, description: `Column "${a.column}": ${ATTRIBUTE_KIND_LABELS[a.kind]}, read as ${scheme}${grouping}${hand}.` };
  });
}

const emptyRecording = (attribute: string): AttributeRecording => ({ attribute, recording: null, codingScheme: null, recoding: null, missingReasons: null });

export function recordingFor(answers: Answers, attribute: string): AttributeRecording | undefined {
  const list = answers.attributes;
  return Array.isArray(list) ? list.find((r) => r.attribute === attribute) : undefined;
}

/** Changes one attribute's recording, adding its entry when it has none yet. */
export function updateRecording(answers: Answers, attribute: string, change: Partial<Omit<AttributeRecording, 'attribute'>>): Answers {
  const list = Array.isArray(answers.attributes) ? answers.attributes : [];
  const found = list.some((r) => r.attribute === attribute);
  const next = found ? list.map((r) => (r.attribute === attribute ? { ...r, ...change } : r)) : [...list, { ...emptyRecording(attribute), ...change }];
  return { ...answers, attributes: next };
}

/** Whole-list "not available" for attributes or groups at risk (null: back to a list). */
export function setListNotAvailable(answers: Answers, path: 'attributes' | 'groupsAtRisk', reason: string | null): Answers {
  return { ...answers, [path]: reason === null ? [] : { notAvailable: reason } };
}

export function groupsOf(answers: Answers): GroupAtRisk[] {
  return Array.isArray(answers.groupsAtRisk) ? answers.groupsAtRisk : [];
}

export function addGroup(answers: Answers): Answers {
  return { ...answers, groupsAtRisk: [...groupsOf(answers), { group: '', rationale: null, captured: null }] };
}

export function updateGroup(answers: Answers, index: number, change: Partial<GroupAtRisk>): Answers {
  return { ...answers, groupsAtRisk: groupsOf(answers).map((g, i) => (i === index ? { ...g, ...change } : g)) };
}

export function removeGroup(answers: Answers, index: number): Answers {
  return { ...answers, groupsAtRisk: groupsOf(answers).filter((_, i) => i !== index) };
}

// ---- cleaning for save ----------------------------------------------------------------------

/** A blank answer, or "not available" without a reason yet, is not an answer: null. */
export function cleanText(a: TextAnswer | undefined): TextAnswer {
  if (a === null || a === undefined) return null;
  if (typeof a === 'string') return a.trim() === '' ? null : a;
  return a.notAvailable.trim() === '' ? null : a;
}

/**
 * The document as the schema accepts it. The page keeps blanks while someone types (a cleared
 * box, a ticked "Not available" before its reason); saving turns them into "not answered yet"
 * and leaves out list entries with nothing in them.
 */
export function cleanAnswers(answers: Answers): Answers {
  const out: Record<string, unknown> = { ...answers };
  for (const [name, value] of Object.entries(answers)) {
    if (name === 'format' || name === 'formatVersion' || name === 'attributes' || name === 'groupsAtRisk' || name === 'itemNotes') continue;
    if (value && typeof value === 'object') out[name] = Object.fromEntries(Object.entries(value as Record<string, TextAnswer | undefined>).map(([k, v]) => [k, cleanText(v)]));
  }
  const attrs = answers.attributes;
  if (attrs !== undefined && attrs !== null) {
    if (Array.isArray(attrs)) {
      out.attributes = attrs
        .map((r): AttributeRecording => {
          const recording = r.recording === null || typeof r.recording === 'string' ? r.recording : r.recording.notAvailable.trim() === '' ? null : r.recording;
          const c: AttributeRecording = { attribute: r.attribute, recording, codingScheme: cleanText(r.codingScheme), recoding: cleanText(r.recoding) };
          if (r.missingReasons !== undefined) c.missingReasons = cleanText(r.missingReasons);
          return c;
        })
        .filter((r) => r.recording !== null || r.codingScheme !== null || r.recoding !== null || (r.missingReasons ?? null) !== null);
    } else out.attributes = attrs.notAvailable.trim() === '' ? null : attrs;
  }
  const groups = answers.groupsAtRisk;
  if (groups !== undefined && groups !== null) {
    if (Array.isArray(groups)) {
      out.groupsAtRisk = groups
        .filter((g) => g.group.trim() !== '')
        .map((g): GroupAtRisk => {
          const c: GroupAtRisk = { group: g.group, rationale: cleanText(g.rationale) };
          if (g.captured !== undefined) c.captured = cleanText(g.captured);
          return c;
        });
    } else out.groupsAtRisk = groups.notAvailable.trim() === '' ? null : groups;
  }
  if (answers.itemNotes) out.itemNotes = Object.fromEntries(Object.entries(answers.itemNotes).filter(([, v]) => v.trim() !== ''));
  return out as Answers;
}

// ---- completeness -----------------------------------------------------------------------------

/** What the analysis provides, as the report counts it (shared/report/build.ts). */
export function outputsFromAnalysis(result: AnalysisResult | null): Set<AnalysisOutput> {
  const present = new Set<AnalysisOutput>(['dataset-identity', 'overview']);
  if (!result) return present;
  if (result.attributes.length > 0) {
    present.add('representation');
    present.add('missingness');
    present.add('flags');
  }
  if (result.intersections.length > 0) present.add('intersections');
  if (result.period) present.add('periods');
  if (result.outcome) present.add('outcomes');
  return present;
}

/** What the main side found present when it last worked completeness out. */
export function outputsFromCompleteness(items: readonly ItemCompleteness[]): Set<AnalysisOutput> {
  const present = new Set<AnalysisOutput>();
  for (const i of items) for (const e of i.evidence) if (e.present) present.add(e.output);
  return present;
}

export function localCompleteness(answers: Answers, outputs: ReadonlySet<AnalysisOutput>): { items: ItemCompleteness[]; complete: number; total: number } {
  const clean = cleanAnswers(answers);
  const items = catalogueCompleteness({
    fieldState: (p) => fieldState(clean, p),
    outputsPresent: outputs,
    notedItems: new Set(Object.keys(clean.itemNotes ?? {})),
  });
  return { items, complete: completenessCounts(items).complete, total: items.length };
}

// ---- evidence -----------------------------------------------------------------------------------

export interface EvidenceContext {
  overview: DatasetOverview;
  mapping: MappingDocument | null;
  analysis: AnalysisResult | null;
  /** Flag sentences from the Representation page's analysis (counts only, no data values). */
  flagCount: number;
}

const n = (x: number) => x.toLocaleString('en-GB');
const pc = (x: number) => `${(x * 100).toFixed(1)}%`;

/** Evidence lines for one analysis output, in plain words; never a row value. */
export function evidenceLines(output: AnalysisOutput, ctx: EvidenceContext): string[] {
  const { overview, analysis } = ctx;
  const noAnalysis = 'Not worked out yet: open the Representation page to run the analysis.';
  switch (output) {
    case 'dataset-identity':
      return [`File: ${overview.file.name}`, `SHA-256 fingerprint: ${overview.file.sha256}`, `Last modified: ${overview.file.modifiedIso.slice(0, 10)}`];
    case 'overview':
      return [`${n(overview.rows)} rows and ${n(overview.columns.length)} columns.`];
    case 'sites':
      return ['The analysis has no site column, so it shows no breakdown by site.'];
    case 'periods': {
      const p = analysis?.period;
      if (!analysis) return [noAnalysis];
      if (!p) return ['No period column is mapped; choose one on the Mapping page to see trends over time.'];
      const dated = p.periods.filter((k) => k !== 'not-known');
      return [`Column "${p.column}" by ${p.granularity}: ${dated.length} period${dated.length === 1 ? '' : 's'}${dated.length > 0 ? `, from ${dated[0]} to ${dated[dated.length - 1]}` : ''}.`];
    }
    case 'representation':
      if (!analysis) return [noAnalysis];
      if (analysis.attributes.length === 0) return ['No demographic attribute is mapped.'];
      return analysis.attributes.map((a) => {
        const under = a.groups.filter((g) => g.flags.includes('under-represented')).length;
        const over = a.groups.filter((g) => g.flags.includes('over-represented')).length;
        const name = a.label ?? ATTRIBUTE_KIND_LABELS[a.kind];
        const compared = a.reference ? `compared with ${a.reference.name}: ${under} under-represented, ${over} over-represented` : `no comparison (${a.referenceUnavailable ?? 'no reference chosen'})`;
        return `${name}: ${n(a.groups.length)} groups, ${compared}.`;
      });
    case 'intersections':
      if (!analysis) return [noAnalysis];
      if (analysis.intersections.length === 0) return ['No intersections: map two or more attributes to see them.'];
      return analysis.intersections.map((x) => `${x.dimensions.map((d) => d.name).join(' by ')}: ${n(x.emptyCells.length)} empty and ${n(x.smallCells.length)} small combinations out of ${n(x.realCells)}.`);
    case 'missingness':
      if (!analysis) return [noAnalysis];
      return analysis.attributes.map((a) => `${a.label ?? ATTRIBUTE_KIND_LABELS[a.kind]}: not stated ${pc(a.specialRates.notStated)}, not known ${pc(a.specialRates.notKnown)}, unmapped ${pc(a.specialRates.unmapped)}.`);
    case 'outcomes': {
      if (!analysis) return [noAnalysis];
      const o = analysis.outcome;
      if (!o) return ['No outcome column is mapped; choose one on the Mapping page to compare outcomes by group.'];
      return [`Outcome column "${o.column}": recorded for ${n(o.overall.recorded)} rows, missing for ${n(o.overall.missing)}${o.overall.prevalence !== null ? `; ${pc(o.overall.prevalence)} positive` : ''}.`];
    }
    case 'flags':
      if (!analysis) return [noAnalysis];
      return [ctx.flagCount === 0 ? 'The analysis flags no group.' : `The analysis flags ${n(ctx.flagCount)} finding${ctx.flagCount === 1 ? '' : 's'}; the Representation page explains each one.`];
  }
}

/** Every evidence line for an item: its analysis outputs, and for 1.2b the mapped attributes. */
export function itemEvidence(item: CatalogueItem, ctx: EvidenceContext): string[] {
  const lines = item.analysisOutputs.flatMap((o) => evidenceLines(o, ctx));
  if (item.answerFields.includes('attributes')) {
    const attrs = attributeNames(ctx.mapping);
    return [...(attrs.length > 0 ? attrs.map((a) => a.description) : ['No attribute is mapped yet.']), ...lines];
  }
  return lines;
}

/** How many group flags an analysis raises (the figure the flags evidence quotes). */
export function countFlags(result: AnalysisResult | null): number {
  if (!result) return 0;
  let total = 0;
  for (const a of result.attributes) for (const g of a.groups) total += g.flags.length;
  return total;
}
