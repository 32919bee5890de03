// The mapping document: which columns hold which demographic attributes, how their raw values are
// read, and (optionally) the outcome and period columns. It is saved with a project, so its shape
// is versioned and checked twice: by this zod schema in the app and by mapping.schema.json for
// anyone reading the file outside it (the two are tested to agree).
import { z } from 'zod';
import { ATTRIBUTE_KINDS, COLLECTION_METHODS, DEPRIVATION_DIRECTIONS, DEPRIVATION_EDITIONS, DEPRIVATION_UNITS } from './attributes';

export const MAPPING_SCHEMA_VERSION = 1;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const nonEmpty = z.string().min(1);

export const DeprivationSpecSchema = z
  .object({
    edition: z.enum(DEPRIVATION_EDITIONS),
    unit: z.enum(DEPRIVATION_UNITS),
    direction: z.enum(DEPRIVATION_DIRECTIONS),
  })
  .strict();

export const AttributeMappingSchema = z
  .object({
    column: nonEmpty,
    kind: z.enum(ATTRIBUTE_KINDS),
    scheme: nonEmpty,
    /** A coarser category set to report in (e.g. 'ethnic-group-5-census', 'age-broad', 'imd-quintile'). */
    grouping: nonEmpty.optional(),
    /** What the attribute is, mainly for kind 'other' ('language', 'religion', 'site'). */
    label: z.string().min(1).max(100).optional(),
    /** How the attribute was recorded (STANDING Together asks). */
    collection: z.enum(COLLECTION_METHODS).optional(),
    /** Exact raw value -> category key of the scheme's category set, or not-stated / not-known / unmapped. */
    valueMap: z.record(z.string(), nonEmpty).optional(),
    /** yyyy-mm-dd: the date ages are computed at, for scheme 'date-of-birth'. */
    referenceDate: isoDate.optional(),
    /** Edition, unit and direction, for scheme 'imd'. */
    deprivation: DeprivationSpecSchema.optional(),
  })
  .strict();

export const OutcomeMappingSchema = z
  .object({
    column: nonEmpty,
    positiveValues: z.array(z.string()).min(1),
  })
  .strict();

export const PeriodMappingSchema = z
  .object({
    column: nonEmpty,
    granularity: z.enum(['year', 'quarter']),
  })
  .strict();

export const MappingDocumentSchema = z
  .object({
    schemaVersion: z.literal(MAPPING_SCHEMA_VERSION),
    attributes: z.array(AttributeMappingSchema),
    outcome: OutcomeMappingSchema.optional(),
    period: PeriodMappingSchema.optional(),
  })
  .strict();

export type AttributeMapping = z.infer<typeof AttributeMappingSchema>;
export type OutcomeMapping = z.infer<typeof OutcomeMappingSchema>;
export type PeriodMapping = z.infer<typeof PeriodMappingSchema>;
export type MappingDocument = z.infer<typeof MappingDocumentSchema>;
