// Synthetic NHS numbers. Numbers starting 999 are reserved by the NHS for testing, so these can
// never be a real person's; they still carry a valid Modulus 11 check digit so that identifier
// detectors see realistic values.

/**
 * The Modulus 11 check digit for the first nine digits (weights 10 down to 2; 11 - remainder,
 * where 11 becomes 0). Returns undefined when the result is 10: no valid number has that stem.
 */
export function nhsCheckDigit(nineDigits: string): number | undefined {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (nineDigits.charCodeAt(i) - 48) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return undefined;
  return check === 11 ? 0 : check;
}

export function isValidNhsNumber(s: string): boolean {
  if (!/^\d{10}$/.test(s)) return false;
  return nhsCheckDigit(s.slice(0, 9)) === s.charCodeAt(9) - 48;
}

/** A test-range NHS number (999xxxxxxC) from a uniform draw; redraws the rare stems with no check digit. */
export function syntheticNhsNumber(random: () => number): string {
  for (;;) {
    const stem = '999' + String(1_000_000 + Math.floor(random() * 1_000_000)).slice(1);
    const check = nhsCheckDigit(stem);
    if (check !== undefined) return stem + check;
  }
}

/** Writes a test-range NHS number straight into `out` as ten digit codes (no string per row). */
export function writeSyntheticNhsNumber(random: () => number, out: { char(code: number): void }): void {
  for (;;) {
    let stem = Math.floor(random() * 1_000_000);
    // 9,9,9 weighted 10,9,8 contribute 243; the six drawn digits take weights 7 down to 2.
    const digits = [0, 0, 0, 0, 0, 0];
    let sum = 243;
    for (let i = 5; i >= 0; i--) {
      digits[i] = stem % 10;
      stem = Math.floor(stem / 10);
      sum += digits[i]! * (7 - i);
    }
    const check = 11 - (sum % 11);
    if (check === 10) continue;
    out.char(57);
    out.char(57);
    out.char(57);
    for (let i = 0; i < 6; i++) out.char(48 + digits[i]!);
    out.char(48 + (check === 11 ? 0 : check));
    return;
  }
}
