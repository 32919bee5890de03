// Reference populations: Census 2021 (England and Wales, England, Wales, English regions) and custom CSVs.
export { listReferences, getReference, resolveCategorySet } from './populations';
export type { ReferenceCategory, ReferenceDistribution, ReferenceMeasure, ReferenceSource, ReferenceSummary, ReferenceAvailability } from './populations';
export { parseCustomReference, findCustomDistribution, SHARE_TOLERANCE, CUSTOM_REFERENCE_PREFIX, type CustomReference } from './custom';
export { ts021, census2021Age, census2021Sex, censusAreas, ENGLAND, ENGLAND_AND_WALES, WALES } from './census2021';
