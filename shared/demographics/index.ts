// Demographic attributes: code sets, recognisers and mapping documents.
export * from './attributes';
export { ALL_CODE_SETS, type Provenance } from './codesets';
export * from './category-sets';
export { getScheme, schemesForKind, schemeGroupings, SCHEME_IDS, type SchemeDefinition, type SchemeOptions } from './schemes';
export type { Reading, ReadingVia, Reader } from './reading';
export { normaliseLabel } from './normalise';
export { parseDate, ageInYears, formatIsoDate, formatUkDate } from './dates';
export * from './recognise';
export * from './mapping-document';
export { validateMapping, compileMapping, compileOutcome, compilePeriod, suggestMapping, outputCategorySet, type CompiledMapping, type CompiledAttribute } from './mapping';
