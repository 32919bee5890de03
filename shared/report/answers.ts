// What people write for the STANDING Together items: a structured answers document (JSON).
//
// Every text answer is one of three things: the answer itself, an explicit
// { "notAvailable": "reason" } (STANDING Together asks that missing information be stated, never
// left blank), or null (not answered yet; the report then lists the item as missing). An empty
// string is refused: a blank is not an answer. The zod schema is the single definition; the JSON
// Schema in ./answers.schema.json is generated from it (a test keeps the two in step).

import { z } from 'zod';
import { RepresentError } from '../errors';
import { catalogueItem, catalogueItems } from '../standards/catalogue';

export const ANSWERS_FORMAT = 'represent-answers';
export const ANSWERS_FORMAT_VERSION = 1;

const MAX_TEXT = 20_000;

const NotAvailable = z.strictObject({
  /** Why the information is not available (for example "not collected by the source system"). */
  notAvailable: z.string().trim().min(1, 'a reason is required').max(MAX_TEXT),
});
export type NotAvailable = z.infer<typeof NotAvailable>;

/** Answer text, an explicit "not available" with a reason, or null (not answered yet). */
const TextAnswer = z.union([z.string().trim().min(1, 'a blank is not an answer').max(MAX_TEXT), NotAvailable]).nullable();
export type TextAnswer = z.infer<typeof TextAnswer>;

/** How an attribute value came to be in the record. */
export const RECORDING_METHODS = ['self-reported', 'assigned', 'inferred', 'linked', 'unknown'] as const;
export type RecordingMethod = (typeof RECORDING_METHODS)[number];

const AttributeRecording = z.strictObject({
  /** Attribute name as in the mapping / report, e.g. "ethnicity". */
  attribute: z.string().trim().min(1).max(200),
  /** Self-reported, assigned by staff or a proxy, inferred or derived, or linked from another source. */
  recording: z.union([z.enum(RECORDING_METHODS), NotAvailable]).nullable(),
  /** Coding scheme and its version, e.g. "NHS Data Dictionary ETHNIC CATEGORY (2001 Census basis)". */
  codingScheme: TextAnswer,
  /** Any recoding, collapsing or merging of categories, and why. */
  recoding: TextAnswer,
  /** Known reasons for "not stated", "not known" or missing values. */
  missingReasons: TextAnswer.optional(),
});
export type AttributeRecording = z.infer<typeof AttributeRecording>;

const GroupAtRisk = z.strictObject({
  group: z.string().trim().min(1).max(500),
  /** Why this group is at risk of worse outcomes here, with sources. */
  rationale: TextAnswer,
  /** The attribute and category that capture the group in this dataset, or a reason it is not captured. */
  captured: TextAnswer.optional(),
});
export type GroupAtRisk = z.infer<typeof GroupAtRisk>;

const section = <T extends readonly string[]>(keys: T) =>
  z.strictObject(Object.fromEntries(keys.map((k) => [k, TextAnswer.optional()])) as { [K in T[number]]: z.ZodOptional<typeof TextAnswer> });

export const TEXT_SECTIONS = {
  provenance: ['summary', 'name', 'identifier', 'version', 'custodian', 'accessRoute', 'licence', 'purpose', 'discouragedUses', 'creatorsAndFunders', 'competingInterests'],
  collection: ['sourceType', 'setting', 'geography', 'sourceRationale', 'sampling', 'linkage', 'changesOverTime'],
  composition: ['referenceChoice', 'knownAbsentGroups'],
  limitations: ['known', 'mitigations', 'modifications', 'syntheticData', 'selectionBias', 'measurementBias', 'aggregation', 'missingData'],
  labels: ['definition', 'assignedBy', 'knownIssues'],
  ethics: ['approval', 'legalBasis', 'dataProtection'],
  governance: ['accessGovernance', 'dataSovereignty', 'impactAssessments'],
  involvement: ['activities', 'sharingBack'],
  use: ['traceability', 'groupsOfInterest', 'fitForPopulation', 'limitationsImpact', 'performanceByGroup', 'performanceDifferences', 'mitigation', 'modifications', 'labelChoice', 'deployment', 'monitoring'],
} as const;
export type TextSection = keyof typeof TEXT_SECTIONS;

/** Plain-language titles for the answer sections, used by the renderers. */
export const SECTION_TITLES: Record<TextSection | 'attributes' | 'groupsAtRisk', string> = {
  provenance: 'Provenance and purpose',
  collection: 'Collection and setting',
  composition: 'Composition',
  attributes: 'How each attribute was recorded',
  limitations: 'Known limitations and mitigations',
  groupsAtRisk: 'Groups at risk in this context',
  labels: 'Labels and outcomes',
  ethics: 'Ethics',
  governance: 'Governance',
  involvement: 'Public involvement',
  use: 'Use of the dataset',
};

export const AnswersSchema = z.strictObject({
  format: z.literal(ANSWERS_FORMAT),
  formatVersion: z.literal(ANSWERS_FORMAT_VERSION),
  provenance: section(TEXT_SECTIONS.provenance).optional(),
  collection: section(TEXT_SECTIONS.collection).optional(),
  composition: section(TEXT_SECTIONS.composition).optional(),
  attributes: z.union([z.array(AttributeRecording), NotAvailable]).nullable().optional(),
  groupsAtRisk: z.union([z.array(GroupAtRisk), NotAvailable]).nullable().optional(),
  limitations: section(TEXT_SECTIONS.limitations).optional(),
  labels: section(TEXT_SECTIONS.labels).optional(),
  ethics: section(TEXT_SECTIONS.ethics).optional(),
  governance: section(TEXT_SECTIONS.governance).optional(),
  involvement: section(TEXT_SECTIONS.involvement).optional(),
  use: section(TEXT_SECTIONS.use).optional(),
  /** Extra notes per item, keyed by catalogue item ID (e.g. "1.2a", "U3"). */
  itemNotes: z.record(z.string(), z.string().trim().min(1).max(MAX_TEXT)).optional(),
});
export type Answers = z.infer<typeof AnswersSchema>;

/** A JSON Schema (draft 2020-12) for answers files, derived from the zod schema. */
export function answersJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://represent.invalid/schemas/answers-1.json',
    title: 'Represent STANDING Together answers',
    ...(z.toJSONSchema(AnswersSchema) as Record<string, unknown>),
  };
}

/** An empty answers document: every field present and null, ready to fill in. */
export function answersTemplate(): Answers {
  const out: Record<string, unknown> = { format: ANSWERS_FORMAT, formatVersion: ANSWERS_FORMAT_VERSION };
  for (const [name, keys] of Object.entries(TEXT_SECTIONS)) out[name] = Object.fromEntries(keys.map((k) => [k, null]));
  out.attributes = [{ attribute: 'ethnicity', recording: null, codingScheme: null, recoding: null, missingReasons: null }];
  out.groupsAtRisk = [];
  out.itemNotes = {};
  return AnswersSchema.parse(out);
}

export function emptyAnswers(): Answers {
  return { format: ANSWERS_FORMAT, formatVersion: ANSWERS_FORMAT_VERSION };
}

// ---------------------------------------------------------------------------------------------
// Validation with messages that name the item and the field.

/** Which catalogue items use an answer field (for messages). */
function itemsUsing(path: string): string[] {
  return catalogueItems()
    .filter((i) => i.answerFields.some((f) => f === path || path.startsWith(`${f}.`) || path.startsWith(`${f}[`)))
    .map((i) => i.id);
}

function dotted(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out;
}

function describe(issue: z.core.$ZodIssue, file: string | undefined): RepresentError {
  const field = dotted(issue.path);
  const location = { file };
  if (issue.code === 'unrecognized_keys') {
    const names = issue.keys.map((k) => (field ? `${field}.${k}` : k));
    return new RepresentError('bad-answers', `The answers file has ${names.length > 1 ? 'fields' : 'a field'} it does not know: ${names.map((n) => `"${n}"`).join(', ')}.`, {
      expected: field ? `only the fields of "${field}"` : 'only format, formatVersion and the answer sections',
      found: `${names.length} unknown field${names.length > 1 ? 's' : ''}`,
      location,
    });
  }
  const items = itemsUsing(field.replace(/\[\d+\].*$/, ''));
  const forItems = items.length > 0 ? ` (item${items.length > 1 ? 's' : ''} ${items.join(', ')})` : '';
  if (issue.code === 'invalid_union' || issue.code === 'invalid_type') {
    return new RepresentError('bad-answers', `Answer "${field}"${forItems} has the wrong type.`, {
      expected: 'text, or {"notAvailable": "reason"}, or null when not answered yet',
      found: 'a value of another type',
      location,
    });
  }
  if (issue.code === 'too_small') {
    return new RepresentError('bad-answers', `Answer "${field}"${forItems} is blank.`, {
      expected: field.endsWith('notAvailable') ? 'a reason why the information is not available' : 'text, or {"notAvailable": "reason"}: a blank is not an answer',
      found: 'an empty or whitespace-only text',
      location,
    });
  }
  if (issue.code === 'invalid_value') {
    return new RepresentError('bad-answers', `Answer "${field}"${forItems} has a value that is not allowed.`, {
      expected: `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`,
      found: 'another value',
      location,
    });
  }
  return new RepresentError('bad-answers', `Answer "${field}"${forItems} is not valid.`, { expected: issue.message, location });
}

/** Validates an answers document; throws a `bad-answers` RepresentError naming the item and the field. */
export function parseAnswers(input: unknown, file?: string): Answers {
  const result = AnswersSchema.safeParse(input);
  if (!result.success) {
    const issues = result.error.issues;
    // A union failure hides the useful inner issue (a blank string inside text-or-reason).
    const first = pickIssue(issues);
    throw describe(first, file);
  }
  const notes = result.data.itemNotes ?? {};
  for (const id of Object.keys(notes)) {
    if (!catalogueItem(id))
      throw new RepresentError('bad-answers', `The answers file has a note for item "${id}", which is not a STANDING Together item.`, {
        expected: 'an item ID from the catalogue, such as 1.1a to 1.4c or U1 to U11',
        found: 'an unknown item ID',
        location: { file },
      });
  }
  return result.data;
}

function pickIssue(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue {
  const first = issues[0]!;
  if (first.code !== 'invalid_union') return first;
  // A union failure hides the useful inner issue: prefer a blank text, else the branch that got
  // deepest into the value (an array of attributes rather than {"notAvailable": …}).
  let best: z.core.$ZodIssue | undefined;
  for (const branch of first.errors) {
    const blank = branch.find((i) => i.code === 'too_small');
    if (blank) return { ...blank, path: [...first.path, ...blank.path] };
    const inner = branch[0];
    if (inner && inner.path.length > 0 && (!best || inner.path.length > best.path.length)) best = inner;
  }
  if (!best) return first;
  return pickIssue([{ ...best, path: [...first.path, ...best.path] } as z.core.$ZodIssue]);
}

/** Parses the text of an answers file (JSON) and validates it. */
export function parseAnswersText(text: string, file?: string): Answers {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new RepresentError('bad-answers', 'The answers file is not valid JSON.', { expected: 'a JSON object', found: 'text that does not parse as JSON', location: { file } });
  }
  return parseAnswers(json, file);
}

// ---------------------------------------------------------------------------------------------
// The state of one answer field, for completeness.

export type FieldState = 'answered' | 'partial' | 'not-available' | 'missing';

function textState(a: TextAnswer | undefined): FieldState {
  if (a === null || a === undefined) return 'missing';
  return typeof a === 'string' ? 'answered' : 'not-available';
}

function combine(states: FieldState[]): FieldState {
  if (states.length === 0) return 'missing';
  if (states.every((s) => s === 'not-available')) return 'not-available';
  if (states.every((s) => s === 'answered' || s === 'not-available')) return 'answered';
  if (states.every((s) => s === 'missing')) return 'missing';
  return 'partial';
}

/** The state of the answer at a dotted path ("provenance.summary", "attributes", "groupsAtRisk"). */
export function fieldState(answers: Answers, path: string): FieldState {
  if (path === 'attributes' || path === 'groupsAtRisk') {
    const v = answers[path];
    if (v === null || v === undefined) return 'missing';
    if (!Array.isArray(v)) return 'not-available';
    if (v.length === 0) return 'missing';
    if (path === 'attributes')
      return combine((v as AttributeRecording[]).map((a) => combine([a.recording === null ? 'missing' : typeof a.recording === 'string' ? 'answered' : 'not-available', textState(a.codingScheme), textState(a.recoding)])));
    return combine((v as GroupAtRisk[]).map((g) => textState(g.rationale)));
  }
  const [sectionName, key] = path.split('.') as [TextSection, string];
  const s = answers[sectionName] as Record<string, TextAnswer | undefined> | undefined;
  return textState(s?.[key]);
}

/** Every answer-field path the schema defines (for the catalogue consistency test). */
export function allAnswerFields(): string[] {
  return [...Object.entries(TEXT_SECTIONS).flatMap(([s, keys]) => keys.map((k) => `${s}.${k}`)), 'attributes', 'groupsAtRisk'];
}

/** The answer at a path, for display. */
export function textAt(answers: Answers, path: string): TextAnswer | undefined {
  const [sectionName, key] = path.split('.') as [TextSection, string];
  return (answers[sectionName] as Record<string, TextAnswer | undefined> | undefined)?.[key];
}
