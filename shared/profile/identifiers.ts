// Identifier detection. A column is an identifier when its values say so; a column name can
// lower the share of values needed, never replace it. Reasons describe shares and shapes, never
// values. Thresholds lean towards flagging: a false flag hides a frequency table, a missed one
// shows identifying values.
import type { SummaryState } from './column-summary';
import { DATE_STAT_WIDTH, DATE_BIRTH_PLAUSIBLE } from './column-summary';
import { BIRTH_MIN_YEAR, BIRTH_MAX_YEAR } from './dates';
import {
  BIT_EMAIL,
  BIT_HAS_SPACE,
  BIT_NAME_LIKE,
  BIT_NHS_NUMBER,
  BIT_PHONE,
  BIT_POSTCODE_DISTRICT,
  BIT_POSTCODE_FULL,
  BIT_POSTCODE_SECTOR,
} from './value-facts';
import type { IdentifierKind, InferredType, PatternKind } from './types';

/** Share of values needed without / with a supporting column name. */
const SHARE_ALONE = 0.5;
const SHARE_WITH_NAME = 0.2;
/** One full postcode in ten is enough: a frequency table would list addresses. */
const FULL_POSTCODE_SHARE = 0.1;
const NAME_LIKE_SHARE = 0.8;
const BIRTH_YEAR_SHARE = 0.9;
const AREA_PATTERN_SHARE = 0.9;
/** "distinct ≈ rows": a record key has (almost) no repeated value … */
const KEY_DISTINCT_SHARE = 0.95;
/** … and enough values for that to mean something (in a handful of rows, measurements are all distinct too). */
const KEY_MIN_VALUES = 50;
const FREE_TEXT_DISTINCT_SHARE = 0.5;
/** Phrases (values with spaces) that rarely repeat are free text even below that share. */
const WORDY_SHARE = 0.5;
const WORDY_DISTINCT_SHARE = 0.2;
const WORDY_MIN_DISTINCT = 20;

export interface IdentifierInput {
  name: string;
  nonMissing: number;
  distinct: number;
  type: InferredType;
  dateFormat: number | null;
  dateConforming: number;
  summary: SummaryState;
}

export interface IdentifierFinding {
  identifier: { kind: IdentifierKind; reason: string } | null;
  pattern: { kind: PatternKind; share: number } | null;
}

export function detectIdentifier(input: IdentifierInput): IdentifierFinding {
  const { nonMissing: n, summary: s, type } = input;
  if (n === 0) return { identifier: null, pattern: null };
  const hints = nameHints(input.name);
  const share = (bit: number): number => s.facts[bit]! / n;
  const found = (kind: IdentifierKind, reason: string): IdentifierFinding => ({ identifier: { kind, reason }, pattern: null });
  const byName = (hinted: boolean): string => (hinted ? '; the column name suggests the same' : '');
  const needed = (hinted: boolean): number => (hinted ? SHARE_WITH_NAME : SHARE_ALONE);

  const nhs = share(BIT_NHS_NUMBER);
  if (nhs >= needed(hints.nhs)) {
    return found('nhs-number', `${pct(nhs)} of values are 10-digit numbers with a valid NHS number check digit${byName(hints.nhs)}`);
  }
  const email = share(BIT_EMAIL);
  if (email >= needed(hints.email)) return found('email', `${pct(email)} of values are shaped like email addresses${byName(hints.email)}`);
  const phone = share(BIT_PHONE);
  if (phone >= needed(hints.phone)) return found('phone', `${pct(phone)} of values are shaped like UK telephone numbers${byName(hints.phone)}`);
  const fullPostcode = share(BIT_POSTCODE_FULL);
  if (fullPostcode >= FULL_POSTCODE_SHARE) {
    return found('postcode', `${pct(fullPostcode)} of values are full UK postcodes, each covering a few addresses`);
  }
  if ((type === 'date' || type === 'datetime') && hints.birth && input.dateFormat !== null && input.dateConforming > 0) {
    const plausible = s.dates[input.dateFormat * DATE_STAT_WIDTH + DATE_BIRTH_PLAUSIBLE]! / input.dateConforming;
    if (plausible >= BIRTH_YEAR_SHARE) {
      return found(
        'date-of-birth',
        `the column name suggests dates of birth and ${pct(plausible)} of its dates fall in plausible birth years (${BIRTH_MIN_YEAR}–${BIRTH_MAX_YEAR})`,
      );
    }
  }
  const nameLike = share(BIT_NAME_LIKE);
  if (hints.personName && nameLike >= NAME_LIKE_SHARE && input.distinct >= 2) {
    return found('name', `the column name suggests personal names and ${pct(nameLike)} of values are words of letters only`);
  }
  const distinctShare = input.distinct / n;
  const keyLike = type === 'integer' || type === 'category' || type === 'text';
  if (keyLike && n >= KEY_MIN_VALUES && distinctShare >= KEY_DISTINCT_SHARE && share(BIT_HAS_SPACE) < 0.5) {
    return found('record-key', `${pct(Math.min(1, distinctShare))} of non-missing values are distinct, as in a record key`);
  }
  const wordy = share(BIT_HAS_SPACE) >= WORDY_SHARE && input.distinct > WORDY_MIN_DISTINCT && distinctShare >= WORDY_DISTINCT_SHARE;
  if ((type === 'text' && distinctShare >= FREE_TEXT_DISTINCT_SHARE) || ((type === 'text' || type === 'category') && wordy)) {
    return found('free-text', `free text in which ${pct(Math.min(1, distinctShare))} of non-missing values are distinct`);
  }

  const district = share(BIT_POSTCODE_DISTRICT);
  const sector = share(BIT_POSTCODE_SECTOR);
  if (district + sector >= AREA_PATTERN_SHARE) {
    return { identifier: null, pattern: district >= sector ? { kind: 'postcode-district', share: district } : { kind: 'postcode-sector', share: sector } };
  }
  return { identifier: null, pattern: null };
}

interface NameHints {
  nhs: boolean;
  email: boolean;
  phone: boolean;
  birth: boolean;
  personName: boolean;
}

const PERSON_NAME = /^(patient|person|full|first|last|given|family|middle|maiden|preferred|christian|sur|fore)?names?$/;

/** What the column name suggests. Words are split on punctuation and camelCase. */
export function nameHints(columnName: string): NameHints {
  const words = columnName
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
  const compact = words.join('');
  const has = (w: string): boolean => words.includes(w);
  return {
    nhs: compact.includes('nhs'),
    email: compact.includes('email') || has('mail'),
    phone: compact.includes('phone') || compact.includes('mobile') || has('tel') || has('telephone'),
    birth: compact.includes('birth') || has('dob') || has('bdate'),
    personName: PERSON_NAME.test(compact),
  };
}

function pct(share: number): string {
  return `${(Math.floor(share * 1000) / 10).toFixed(1)}%`;
}
