// UK postcode shapes, by hand rather than regex because this runs per value in large columns.
// A full postcode (outward + inward, e.g. "LS1 4AP") locates a few dozen addresses and is an
// identifier; a district ("LS1") or sector ("LS1 4") is an area and is not.
// Outward code: area (1–2 letters) + district (9, 99 or 9A). Inward code: 9AA, whose letters
// never include C, I, K, M, O or V.
// The list of postcode areas is not in /shared/reference: it is Royal Mail's list of 121 UK
// areas plus the Crown Dependencies (GY, JE, IM) that use the same format, written from general
// knowledge; non-geographic codes (BF/BFPO, BX, GIR 0AA) are left out on purpose. Requiring a
// real area keeps local ethnicity sub-codes such as "A1" or "C2" from looking like districts.

const AREA_LIST = (
  (
    'AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY ' +
    'E EC EH EN EX FK FY G GL GU HA HD HG HP HR HS HU HX IG IP IV KA KT KW KY L LA LD LE LL LN LS LU ' +
    'M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM SN SO SP SR SS ' +
    'ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE GY JE IM'
  ).split(' ')
);
/** Areas as a lookup table indexed by areaCode(), so checking one allocates no string. */
const AREAS = new Uint8Array(27 * 27);
for (const area of AREA_LIST) AREAS[areaCode(area.charCodeAt(0), area.length > 1 ? area.charCodeAt(1) : 0)] = 1;

/** 1..26 for the first letter, 0 or 1..26 for the second (upper-case char codes in). */
function areaCode(first: number, second: number): number {
  return (first - 64) * 27 + (second === 0 ? 0 : second - 64);
}

export const POSTCODE_NONE = 0;
export const POSTCODE_DISTRICT = 1;
export const POSTCODE_SECTOR = 2;
export const POSTCODE_FULL = 3;

function upperLetter(c: number): number {
  if (c >= 97 && c <= 122) return c - 32;
  return c >= 65 && c <= 90 ? c : -1;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isInwardLetter(c: number): boolean {
  const u = upperLetter(c);
  return u > 0 && u !== 67 && u !== 73 && u !== 75 && u !== 77 && u !== 79 && u !== 86; // C I K M O V
}

/** Which postcode shape a value has (case-insensitive; at most one space, before the inward code). */
export function postcodeKind(s: string): number {
  const n = s.length;
  if (n < 2 || n > 8) return POSTCODE_NONE;
  const space = s.indexOf(' ');
  if (space >= 0) {
    if (!isOutward(s, 0, space)) return POSTCODE_NONE;
    if (n - space === 2 && isDigit(s.charCodeAt(space + 1))) return POSTCODE_SECTOR;
    return n - space === 4 && isInward(s, space + 1) ? POSTCODE_FULL : POSTCODE_NONE;
  }
  if (isOutward(s, 0, n)) return POSTCODE_DISTRICT; // "LS14" is district LS14, never sector LS1 4
  return n >= 5 && isOutward(s, 0, n - 3) && isInward(s, n - 3) ? POSTCODE_FULL : POSTCODE_NONE;
}

/** Area (1–2 letters, a real area) + digit + optional digit or letter, filling [from, to) exactly. */
function isOutward(s: string, from: number, to: number): boolean {
  const len = to - from;
  if (len < 2 || len > 4) return false;
  const a0 = upperLetter(s.charCodeAt(from));
  if (a0 < 0) return false;
  const a1 = upperLetter(s.charCodeAt(from + 1));
  const areaLength = a1 > 0 ? 2 : 1;
  if (AREAS[areaCode(a0, a1 > 0 ? a1 : 0)] !== 1) return false;
  const d = from + areaLength;
  if (d >= to || !isDigit(s.charCodeAt(d))) return false;
  if (d + 1 === to) return true;
  const c = s.charCodeAt(d + 1);
  return d + 2 === to && (isDigit(c) || upperLetter(c) > 0);
}

/** Digit + two letters from the inward alphabet, ending the string. */
function isInward(s: string, i: number): boolean {
  return i + 3 === s.length && isDigit(s.charCodeAt(i)) && isInwardLetter(s.charCodeAt(i + 1)) && isInwardLetter(s.charCodeAt(i + 2));
}
