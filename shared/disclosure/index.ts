// Public surface of disclosure control. Everything else in this folder is internal.

export { PolicySchema, parsePolicy, parsePolicyText, policyJsonSchema, protectionWidthOf, resolvePolicy, tightenOnly, type Policy } from './policy';
export { PRESET_IDS, allPresets, isPresetId, presetPolicy, type PresetId } from './presets';
export { isPublishable, midpoint6, nhsSubnationalDisplay, publishCount, publishedInterval, roundToBase, type CountInterval } from './rounding';
export * from './table';
export * from './evidence';
export { leaveOutEmptyCategories, emptyCategoriesNote, type EmptyCategoriesLeftOut } from './empty-categories';
export { protectReport, protectTable, type LinkEvidence, type ProtectContext, type ReportProtection } from './protect';
export { coarsenDate, quantileKey } from './statistics';
export { screenExport, normaliseName, MAX_CSV_ROWS, MAX_FILE_CHARS, type ExportContent, type ExportFile, type ExportFormat, type ScreenFinding, type ScreenLocation, type ScreenOptions, type ScreenResult, type ScreenRule } from './screen';
export { findIdentifiers, hasFullDate, isValidNhsNumber, type IdentifierKind } from './identifiers';
export { ACRO_LAYOUT_VERSION, acroTableCsv, buildAcroResults, type AcroOutputInput, type AcroResult, type AcroResultsJson } from './acro';
