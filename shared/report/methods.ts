// The methods section: how each figure in the report was computed, with the policy's parameters.

import type { Policy } from '../disclosure';
import { DIFFERENTIAL_POINTS, HIGH_MISSING_PERCENT, OVER_RATIO, UNDER_RATIO } from './flags';
import type { MethodNote } from './model';

/**
 * The default report publishes a table crossing three attributes only when at least this share of
 * its non-zero cells reach the policy's threshold (./from-analysis.ts sets it on those tables; the
 * disclosure layer withholds a sparser one and its evidence says why). Below it most of the table
 * would be suppressed anyway (its small cells plus the partners their protection needs), and
 * protecting it would cost work and suppression for little. Defined here so the methods text states
 * the rule the report applied.
 */
export const THREE_WAY_MIN_PUBLISHABLE_SHARE = 0.6;

/** What the report contains that changes how its methods read. */
export interface MethodContext {
  /** Kinds of reference population the representation tables compare with. */
  referenceKinds?: ReadonlySet<'census-2021' | 'custom'>;
  /** Whether categories no one in the dataset has were left out of the tables. */
  emptyCategoriesLeftOut?: boolean;
}

export function methodNotes(policy: Policy, context: MethodContext = {}): MethodNote[] {
  const base = policy.rounding.base;
  const kinds = context.referenceKinds ?? new Set(['census-2021' as const]);
  const sources = [
    ...(kinds.has('census-2021') ? ['the named Census 2021 table (shares of the usual resident population)'] : []),
    ...(kinds.has('custom') ? ['the reference population file the analyst imported (its counts or shares as the file gives them, each divided by their sum; its label, source and date are quoted as written)'] : []),
  ];
  const notes: MethodNote[] = [
    {
      id: 'counts',
      title: 'Counts',
      text:
        `Counts are exact counts from one pass over the file, then protected under the "${policy.name}" policy: ` +
        `a count below ${policy.threshold} is not published${policy.zerosDisclosive ? ', nor is a zero' : ''}; ` +
        (base > 1 ? `published counts are rounded to the nearest ${base}; ` : 'published counts are not rounded; ') +
        `totals are ${policy.totals === 'rounded-true-total' ? 'the true totals, rounded like any count' : 'the sums of the published cells'}; ` +
        `and further cells are suppressed where needed so that no hidden count can be worked out, or narrowed below ${policy.protectionWidth ?? policy.threshold}, from the published cells and totals of all tables together. ` +
        `A hidden value is shown as "${policy.marker}".`,
    },
    {
      id: 'table-order',
      title: 'Coarse tables first',
      text:
        'Tables are protected in order of how many attributes they cross: the counts by one attribute (and the overall total) first, then tables crossing two attributes, then three. ' +
        'Once a coarser table is protected its published counts are fixed, and a finer table hides its own cells to protect its small counts rather than hiding counts of the coarser tables it shares totals with. ' +
        'After each step every hidden count is checked again against everything published so far, so the finer tables cannot be combined with the coarser ones to work out a hidden count. ' +
        'A finer table that cannot be protected by hiding its own cells is withheld: it is not published, and the disclosure evidence says so. ' +
        `A table crossing three attributes is published only when at least ${Math.round(THREE_WAY_MIN_PUBLISHABLE_SHARE * 100)}% of its non-zero cells reach the threshold of ${policy.threshold}; otherwise most of it would be hidden, and it is withheld for that reason.`,
    },
    {
      id: 'shares',
      title: 'Percentages',
      text:
        'Every percentage is computed from published (protected, possibly rounded) counts, never from the true counts, and rounded to one decimal place. ' +
        '"Percent of all" divides a group\'s published count by the published total of its table. ' +
        '"Percent of recorded" divides it by the number of people whose category the reference population covers (leaving out "not known", "not stated" and similar), which is itself built from published counts. ' +
        'A percentage whose numerator or denominator is not published is not published either.',
    },
    {
      id: 'intervals',
      title: 'Intervals',
      text:
        '95% intervals are Wilson score intervals for a proportion, computed from the published count and denominator. They describe sampling uncertainty only; they do not widen for rounding of the counts, or for bias in who is recorded.',
    },
    {
      id: 'reference',
      title: 'Reference comparison',
      text:
        `The reference share of each category is taken from ${sources.length > 0 ? sources.join(', or from ') : 'the named reference population'}. Data categories are matched to reference categories by label or code. ` +
        `The ratio is the group's percent of recorded divided by the reference percent. A group is flagged as under-represented when the ratio is below ${UNDER_RATIO} and its whole interval lies below the reference share, and over-represented when the ratio is above ${OVER_RATIO} and its whole interval lies above it. ` +
        (kinds.has('custom')
          ? 'An imported population is only as good as its source: say where its figures come from and why it fits (item 1.2a).'
          : 'A census describes residents, not the population a service is meant to reach: choose and justify the reference (item 1.2a).'),
    },
    {
      id: 'missingness',
      title: 'Missing data by group',
      text:
        `Each cell is the number of people in the group with no usable value for the variable, divided by the number of people in the group, both as published. ` +
        `Missingness above ${HIGH_MISSING_PERCENT}% in a group, and a spread of ${DIFFERENTIAL_POINTS} percentage points or more between groups, are flagged.` +
        (policy.rates.method === 'midpoint6' ? ' Under this policy the numerators and denominators of rates are midpoint-6 rounded (0 stays 0, 1 to 6 become 3, 7 to 12 become 9, and so on).' : ''),
    },
    {
      id: 'outcomes',
      title: 'Outcomes by group',
      text: `Outcome percentages are published events divided by published group sizes. A spread of ${DIFFERENTIAL_POINTS} percentage points or more between groups is flagged for a person to explain (item 1.3f).`,
    },
    {
      id: 'completeness',
      title: 'Completeness of the documentation',
      text:
        'An item is complete when every question it asks is answered or says why the information is not available, and the report holds the automatic evidence it calls for; not available when every question says why it is not available and there is no automatic evidence; missing when there is nothing at all; and partial otherwise.',
    },
    {
      id: 'screen',
      title: 'Independent check',
      text: 'Before the report was written, every file was re-read by an independent export screen that checks each number against the policy, and looks for identifiers, full dates and free text. The report is written only when the screen finds nothing.',
    },
  ];
  if (context.emptyCategoriesLeftOut)
    notes.splice(1, 0, {
      id: 'empty-categories',
      title: 'Categories with no one in them',
      text:
        `Under this policy a zero count is not published. A category that no one in the whole dataset has (a region no one is from, say) is therefore left out of every table rather than shown as zero, the way ACRO's tables leave out categories no row has. ` +
        'Leaving it out hides nothing about anyone: such a category describes no one, and its cells in every table crossing it would all be zero because its overall count is, so they add nothing to what its absence says. ' +
        'Hiding those zeros instead would force other counts to be hidden and whole tables to be withheld. ' +
        'A reader who knows the full list of categories can still see which ones are missing; where being in the dataset is itself sensitive (a disease register), that absence is a statement about the category, for the output checker to weigh.',
    });
  return notes;
}
