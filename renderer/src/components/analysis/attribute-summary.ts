// One plain line per attribute for the Representation page's summary: which groups stand out
// against the reference, how many are too small to judge, and how much is not recorded. The full
// sentences, chart and tables are on the attribute's own sub-view.
import type { AnalysisSettings, AttributeAnalysis, GroupFlag } from '../../../../shared/analysis/types';
import { count, percent } from '../../analysis/representation-view';

/** Group names listed in a line before "and N more". */
const NAMES_IN_LINE = 3;

function named(labels: string[]): string {
  const shown = labels.slice(0, NAMES_IN_LINE).map((l) => `"${l}"`);
  const more = labels.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${count(more)} more` : shown.join(', ');
}

function groupsWord(n: number): string {
  return `${count(n)} ${n === 1 ? 'group' : 'groups'}`;
}

export function attributeSummaryLine(attr: AttributeAnalysis, settings: Pick<AnalysisSettings, 'reliabilityFloor'>): string {
  const by = (flag: GroupFlag) => attr.groups.filter((g) => g.flags.includes(flag)).map((g) => g.label);
  const under = by('under-represented');
  const over = by('over-represented');
  const absent = by('absent');
  const small = by('below-reliability-floor').length;
  const notInReference = by('not-in-reference').length;

  const parts: string[] = [];
  // The reason in full (which category sets the reference has) is on the attribute's own sub-view.
  if (!attr.reference) parts.push('not compared: the reference population has no figures for it');
  if (under.length > 0) parts.push(`under-represented: ${named(under)}`);
  if (over.length > 0) parts.push(`over-represented: ${named(over)}`);
  if (absent.length > 0) parts.push(`no one recorded in ${named(absent)}`);
  if (small > 0) parts.push(`${groupsWord(small)} with fewer than ${count(settings.reliabilityFloor)} people`);
  if (notInReference > 0) parts.push(`${groupsWord(notInReference)} not in the reference`);
  if (attr.reference && parts.length === 0) parts.push(`nothing flagged against ${attr.reference.name}`);

  const unrecorded = attr.specialRates.notStated + attr.specialRates.notKnown;
  parts.push(`${percent(unrecorded)} not stated or not known`);
  if (attr.special.unmapped > 0) parts.push(`${percent(attr.specialRates.unmapped)} unmapped`);

  const line = parts.join('; ');
  return `${line.charAt(0).toUpperCase()}${line.slice(1)}.`;
}
