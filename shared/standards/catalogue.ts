// The STANDING Together item catalogue: the items live in a versioned JSON file so that IDs and
// topics can be corrected against the published paper without a code change. The file is
// validated once, here, so a broken edit fails loudly rather than dropping an item from reports.

import { z } from 'zod';
import { RepresentError } from '../errors';
import raw from './standing-together-items.json';

/** What part of the analysis can evidence an item. */
export const ANALYSIS_OUTPUTS = [
  'dataset-identity',
  'overview',
  'sites',
  'periods',
  'representation',
  'intersections',
  'missingness',
  'outcomes',
  'flags',
] as const;
export type AnalysisOutput = (typeof ANALYSIS_OUTPUTS)[number];

const ItemSchema = z.strictObject({
  /** The key answers and reports use. Documentation items use their (medium-confidence) published ID. */
  id: z.string().regex(/^(1\.[1-4][a-f]|U(1[01]|[1-9]))$/),
  /** The ID in the published recommendations as best known; null when not known at all. */
  publishedId: z.string().nullable(),
  idConfidence: z.enum(['high', 'medium', 'low']),
  section: z.string(),
  /** A short name for tables and contents lists (ours, not the paper's). */
  title: z.string().min(1).max(60),
  /** Paraphrased, never quoted. */
  topic: z.string().min(1),
  /** Questions for the curator. */
  prompts: z.array(z.string().min(1)).min(1),
  /** "automatic": profiling alone; "human": answers alone; "both": the app pre-fills, a person explains. */
  evidence: z.enum(['automatic', 'human', 'both']),
  analysisOutputs: z.array(z.enum(ANALYSIS_OUTPUTS)),
  /** Dotted paths into the answers document (shared/report/answers.ts) that answer this item. */
  answerFields: z.array(z.string().min(1)).min(1),
});

const SectionSchema = z.strictObject({ id: z.string(), part: z.enum(['documentation', 'use']), title: z.string() });

const CatalogueSchema = z.strictObject({
  catalogueVersion: z.string().regex(/^\d+\.\d+\.\d+$/),
  standard: z.string(),
  citation: z.string(),
  sources: z.array(z.string()),
  caveats: z.array(z.string()),
  sections: z.array(SectionSchema),
  items: z.array(ItemSchema),
});

export type CatalogueItem = z.infer<typeof ItemSchema>;
export type CatalogueSection = z.infer<typeof SectionSchema>;
export type Catalogue = z.infer<typeof CatalogueSchema>;
export type Part = CatalogueSection['part'];

function load(): Catalogue {
  const parsed = CatalogueSchema.safeParse(raw);
  const where = { file: 'shared/standards/standing-together-items.json' };
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RepresentError('internal', 'The STANDING Together catalogue file is not valid.', {
      expected: 'items matching the catalogue schema',
      found: `a problem at ${issue ? issue.path.map(String).join('.') : 'the top level'}`,
      location: where,
    });
  }
  const c = parsed.data;
  const sections = new Set(c.sections.map((s) => s.id));
  const ids = new Set<string>();
  for (const item of c.items) {
    if (ids.has(item.id)) throw new RepresentError('internal', `The catalogue lists item ${item.id} twice.`, { location: where });
    ids.add(item.id);
    if (!sections.has(item.section))
      throw new RepresentError('internal', `Catalogue item ${item.id} names an unknown section.`, { expected: [...sections].join(', '), found: item.section, location: where });
  }
  return c;
}

const catalogue = load();

/** The catalogue (validated). Callers get the shared object: treat it as read-only. */
export function standingTogether(): Catalogue {
  return catalogue;
}

export function catalogueItems(): readonly CatalogueItem[] {
  return catalogue.items;
}

export function catalogueItem(id: string): CatalogueItem | undefined {
  return catalogue.items.find((i) => i.id === id);
}

export function sectionOf(item: CatalogueItem): CatalogueSection {
  return catalogue.sections.find((s) => s.id === item.section)!;
}

export function partOf(item: CatalogueItem): Part {
  return sectionOf(item).part;
}

export const CATALOGUE_VERSION: string = catalogue.catalogueVersion;
