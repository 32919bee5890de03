import { describe, expect, it } from 'vitest';
import { isValidNhsNumber } from '../../../shared/profile';

// Check digits worked by hand (weights 10..2 on the first nine digits, 11 − sum mod 11):
//   943 476 591 9: 9·10+4·9+3·8+4·7+7·6+6·5+5·4+9·3+1·2 = 299; 299 mod 11 = 2; 11 − 2 = 9 ✓
//   401 023 213 7: 4·10+0+1·8+0+2·6+3·5+2·4+1·3+3·2 = 92; 92 mod 11 = 4; 11 − 4 = 7 ✓
//   987 654 321 0: sum = 330; 330 mod 11 = 0; 11 − 0 = 11 → check digit 0 ✓
//   000 000 006 x: sum = 12; 12 mod 11 = 1; 11 − 1 = 10 → no valid check digit, whatever x is.
describe('NHS number Modulus 11 check', () => {
  it.each(['9434765919', '4010232137', '9876543210', '943 476 5919', '401 023 2137'])('accepts the valid number %s', (n) => {
    expect(isValidNhsNumber(n)).toBe(true);
  });

  it.each([
    ['9434765918', 'wrong check digit'],
    ['9434765910', 'wrong check digit'],
    ['4010232138', 'wrong check digit'],
    ['0000000060', 'check digit would be 10'],
    ['0000000069', 'check digit would be 10'],
    ['943476591', 'nine digits'],
    ['94347659190', 'eleven digits'],
    ['94347659l9', 'a letter'],
    ['9434 765 919', 'spaced 4-3-3'],
    ['943-476-5919', 'hyphens'],
    ['943  476 591', 'double space'],
    ['', 'empty'],
  ])('rejects %s (%s)', (n) => {
    expect(isValidNhsNumber(n)).toBe(false);
  });

  it('accepts exactly one in ten candidate check digits when the remainder allows one', () => {
    let valid = 0;
    for (let d = 0; d <= 9; d++) if (isValidNhsNumber(`943476591${d}`)) valid++;
    expect(valid).toBe(1);
  });
});
