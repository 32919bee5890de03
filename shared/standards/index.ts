// STANDING Together: the item catalogue (data) and how complete each item's documentation is.
export { ANALYSIS_OUTPUTS, CATALOGUE_VERSION, catalogueItem, catalogueItems, partOf, sectionOf, standingTogether, type AnalysisOutput, type Catalogue, type CatalogueItem, type CatalogueSection, type Part } from './catalogue';
export { catalogueCompleteness, completenessCounts, itemCompleteness, type AnswerState, type Completeness, type CompletenessInput, type ItemCompleteness } from './completeness';
