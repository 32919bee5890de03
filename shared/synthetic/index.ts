// The seeded synthetic NHS-like extract generator (pure: no I/O; main/services writes it to disk).
export { generateExtract, EXTRACT_COLUMNS, DEFAULT_EXTRACT_DATE, ADMISSION_YEARS, SYNTHETIC_ASSUMPTIONS, type ExtractOptions } from './extract';
export { mulberry32, weightedSampler, normalSampler, type Random } from './random';
export { nhsCheckDigit, isValidNhsNumber, syntheticNhsNumber } from './nhs-number';
export { csvField } from './csv';
export { englandRegionEthnicityJoint, type RegionEthnicityJoint } from './census-joint';
