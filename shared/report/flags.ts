// Flags in plain words, for a person to confirm or dismiss (STANDING Together 1.3a asks for
// limitations; these are candidates, not findings). Every flag is computed from protected figures
// already in the report, and quotes only those.

import type { StatisticEvidence } from '../disclosure';
import type { GroupRateBlock, MissingnessBlock, ReportFlag, RepresentationBlock } from './model';

/** A group is flagged when its share is below UNDER or above OVER times the reference share… */
export const UNDER_RATIO = 0.8;
export const OVER_RATIO = 1.25;
/** …and its 95% interval excludes the reference share. */
/** Missingness above this percentage is flagged. */
export const HIGH_MISSING_PERCENT = 10;
/** A spread of missingness (or outcome) percentages across groups at least this wide is flagged. */
export const DIFFERENTIAL_POINTS = 10;

export interface FlagInput {
  representation: readonly RepresentationBlock[];
  missingness: readonly MissingnessBlock[];
  outcomes: readonly GroupRateBlock[];
  evidence: readonly StatisticEvidence[];
}

const fmt = (x: number) => `${x.toFixed(1)}%`;

export function buildFlags(input: FlagInput): ReportFlag[] {
  const flags: ReportFlag[] = [];
  const add = (f: Omit<ReportFlag, 'id'>) => flags.push({ id: `flag-${flags.length + 1}`, ...f });

  for (const block of input.representation) {
    const refName = block.reference?.name ?? '';
    for (const row of block.rows) {
      if (row.n === null) {
        add({
          kind: 'suppressed-group',
          itemIds: ['1.2a', 'U3'],
          text: `${block.attribute}: the count for "${row.category}" is not published under the disclosure policy, so this group cannot be assessed from this report.`,
        });
        continue;
      }
      if (row.n === 0) {
        add({ kind: 'absent-group', itemIds: ['1.2a', '1.2c', 'U3'], text: `${block.attribute}: no one is recorded as "${row.category}".` });
        continue;
      }
      if (row.ratio === null || row.percentOfRecorded === null || row.referencePercent === null) continue;
      const ref = row.referencePercent;
      if (row.ratio < UNDER_RATIO && row.intervalHigh !== null && row.intervalHigh < ref)
        add({
          kind: 'under-represented',
          itemIds: ['1.2a', '1.3c', 'U3'],
          text: `${block.attribute}: "${row.category}" makes up ${fmt(row.percentOfRecorded)} of people with a recorded category, against ${fmt(ref)} in ${refName} (${row.ratio.toFixed(2)} times the reference share).`,
        });
      else if (row.ratio > OVER_RATIO && row.intervalLow !== null && row.intervalLow > ref)
        add({
          kind: 'over-represented',
          itemIds: ['1.2a', '1.3c'],
          text: `${block.attribute}: "${row.category}" makes up ${fmt(row.percentOfRecorded)} of people with a recorded category, against ${fmt(ref)} in ${refName} (${row.ratio.toFixed(2)} times the reference share).`,
        });
    }
    for (const r of block.referenceOnly)
      add({
        kind: 'not-in-data',
        itemIds: ['1.2a', '1.2b', '1.3d'],
        text: `${block.attribute}: the reference category "${r.category}" (${fmt(r.referencePercent)} of ${refName}) has no matching category in the data; it may be merged into another category or not recorded.`,
      });
  }

  for (const m of input.missingness) {
    m.blocks.forEach((b) => {
      const shown = b.rows.filter((r) => r.percent !== null);
      const high = shown.filter((r) => r.percent! > HIGH_MISSING_PERCENT);
      if (high.length > 0)
        add({
          kind: 'high-missingness',
          itemIds: ['1.3e'],
          text: `${b.variable} is missing for more than ${HIGH_MISSING_PERCENT}% of people in ${high.length} ${m.attribute} group${high.length > 1 ? 's' : ''} (${high.map((r) => `${r.group.join(' / ')}: ${fmt(r.percent!)}`).join('; ')}).`,
        });
      if (shown.length >= 2) {
        const lo = shown.reduce((a, r) => (r.percent! < a.percent! ? r : a));
        const hi = shown.reduce((a, r) => (r.percent! > a.percent! ? r : a));
        if (hi.percent! - lo.percent! >= DIFFERENTIAL_POINTS)
          add({
            kind: 'differential-missingness',
            itemIds: ['1.3e', '1.2b'],
            text: `${b.variable} is missing more often for "${hi.group.join(' / ')}" (${fmt(hi.percent!)}) than for "${lo.group.join(' / ')}" (${fmt(lo.percent!)}) by ${m.attribute}.`,
          });
      }
    });
  }

  for (const b of input.outcomes) {
    const shown = b.rows.filter((r) => r.percent !== null);
    if (shown.length < 2) continue;
    const lo = shown.reduce((a, r) => (r.percent! < a.percent! ? r : a));
    const hi = shown.reduce((a, r) => (r.percent! > a.percent! ? r : a));
    if (hi.percent! - lo.percent! >= DIFFERENTIAL_POINTS)
      add({
        kind: 'outcome-gap',
        itemIds: ['1.3f', 'U9'],
        text: `${b.variable}: ${fmt(hi.percent!)} for "${hi.group.join(' / ')}" against ${fmt(lo.percent!)} for "${lo.group.join(' / ')}". Check whether the outcome is recorded the same way across groups.`,
      });
  }

  for (const e of input.evidence)
    if (e.outcome !== 'pass')
      add({
        kind: 'table-review',
        itemIds: ['1.3a'],
        text: `Table "${e.title}" needs an output checker's review (${e.outcome}): ${e.reasons.join(' ')}`,
      });
  return flags;
}
