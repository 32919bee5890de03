// NHS number check digit (Modulus 11). Written out because it is five lines and the rule is the
// NHS Data Dictionary's: multiply the first nine digits by 10, 9, …, 2, sum, take the remainder
// mod 11, subtract it from 11; 11 means a check digit of 0 and 10 means the number is invalid.
// (The rule is not in /shared/reference; it is the published NHS Data Dictionary "NHS NUMBER"
// validation, checked here against numbers published as valid examples, e.g. 943 476 5919.)

/**
 * True for exactly ten digits, or 3-3-4 digits separated by single spaces, whose tenth digit is
 * the Modulus 11 check digit of the first nine.
 */
export function isValidNhsNumber(s: string): boolean {
  const n = s.length;
  if (n !== 10 && n !== 12) return false;
  if (n === 12 && (s.charCodeAt(3) !== 32 || s.charCodeAt(7) !== 32)) return false;
  let sum = 0;
  let weight = 10;
  let check = -1;
  for (let i = 0; i < n; i++) {
    if (n === 12 && (i === 3 || i === 7)) continue;
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (weight >= 2) sum += d * weight--;
    else check = d;
  }
  const expected = 11 - (sum % 11);
  if (expected === 10) return false;
  return (expected === 11 ? 0 : expected) === check;
}
