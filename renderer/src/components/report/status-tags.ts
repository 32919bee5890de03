// Tag colours for statuses; the tag always carries the status in words too.
import type { CellStatus, Outcome } from '../../../../shared/disclosure';

export const STATUS_TAG_CLASS: Record<'complete' | 'partial' | 'not-available' | 'missing', string> = {
  complete: 'nhsuk-tag--green',
  partial: 'nhsuk-tag--yellow',
  'not-available': 'nhsuk-tag--grey',
  missing: 'nhsuk-tag--red',
};

export const CELL_TAG_CLASS: Record<CellStatus, string> = {
  shown: 'nhsuk-tag--green',
  rounded: 'nhsuk-tag--blue',
  'suppressed-primary': 'nhsuk-tag--red',
  'suppressed-secondary': 'nhsuk-tag--orange',
};

export const OUTCOME_TAG_CLASS: Record<Outcome, string> = {
  pass: 'nhsuk-tag--green',
  review: 'nhsuk-tag--yellow',
  fail: 'nhsuk-tag--red',
};
