import { describe, expect, it } from 'vitest';
import { postcodeKind, POSTCODE_DISTRICT, POSTCODE_FULL, POSTCODE_NONE, POSTCODE_SECTOR } from '../../../shared/profile/uk-postcode';
import { isEmailAddress, isUkPhoneNumber } from '../../../shared/profile/contact-patterns';
import { nameHints } from '../../../shared/profile/identifiers';
import { profileColumn, seededRandom, testNhsNumber, values } from './helpers';

const random = seededRandom(7);

describe('UK postcode shapes', () => {
  it.each(['LS1 4AP', 'SW1A 1AA', 'M1 1AE', 'B33 8TH', 'CR2 6XH', 'DN55 1PT', 'EC1A 1BB', 'W1A 0AX', 'ls1 4ap', 'SW1A1AA', 'LS14AP'])(
    'full postcode %s',
    (v) => expect(postcodeKind(v)).toBe(POSTCODE_FULL),
  );
  it.each(['LS1', 'SW1A', 'M1', 'B33', 'EC1A', 'E1W', 'LS14'])('district %s', (v) => expect(postcodeKind(v)).toBe(POSTCODE_DISTRICT));
  it.each(['LS1 4', 'SW1A 1', 'M1 1'])('sector %s', (v) => expect(postcodeKind(v)).toBe(POSTCODE_SECTOR));
  it.each(['A1', 'C2', 'LS1 4CP', 'LS1 4AI', 'QQ1 1AA', 'LS', '1LS 4AP', 'LS1  4AP', 'LS1 4APX', 'E12000001', 'LS1-4AP'])('not a postcode: %s', (v) =>
    expect(postcodeKind(v)).toBe(POSTCODE_NONE),
  );
});

describe('email and telephone shapes', () => {
  it.each(['jo.bloggs@example.nhs.uk', 'a@b.co', 'first+tag@sub.domain.org'])('email %s', (v) => expect(isEmailAddress(v)).toBe(true));
  it.each(['jo@', '@example.com', 'jo@example', 'jo bloggs@example.com', 'jo@@example.com', 'jo@example..com', 'jo@.com', 'a@b.c.'])('not email %s', (v) =>
    expect(isEmailAddress(v)).toBe(false),
  );
  it.each(['01632 960123', '0113 496 0000', '020 7946 0018', '07700 900123', '07700900123', '+44 7700 900123', '+44 (0)20 7946 0018', '0044 113 496 0000', '(01632) 960123'])(
    'UK phone %s',
    (v) => expect(isUkPhoneNumber(v)).toBe(true),
  );
  it.each(['9434765919', '0113 496 00', '+33 1 23 45 67 89', '06632 960123', '0113-496-0000x', '+4', '01632 9601234567'])('not a UK phone: %s', (v) =>
    expect(isUkPhoneNumber(v)).toBe(false),
  );
});

describe('column-name hints', () => {
  it('reads common NHS extract names', () => {
    expect(nameHints('NHS_NUMBER').nhs).toBe(true);
    expect(nameHints('nhsNo').nhs).toBe(true);
    expect(nameHints('PERSON_BIRTH_DATE').birth).toBe(true);
    expect(nameHints('DOB').birth).toBe(true);
    expect(nameHints('dateOfBirth').birth).toBe(true);
    expect(nameHints('ADMISSION_DATE').birth).toBe(false);
    expect(nameHints('SURNAME').personName).toBe(true);
    expect(nameHints('first_name').personName).toBe(true);
    expect(nameHints('PatientName').personName).toBe(true);
    expect(nameHints('REGION_NAME').personName).toBe(false);
    expect(nameHints('PRACTICE_NAME').personName).toBe(false);
    expect(nameHints('MOBILE_TEL').phone).toBe(true);
    expect(nameHints('HOTEL').phone).toBe(false);
    expect(nameHints('e-mail').email).toBe(true);
  });
});

describe('identifier detection', () => {
  it('NHS numbers: valid check digits, plain or spaced; the name alone is not enough', () => {
    const nhs = values(60, () => testNhsNumber(random));
    expect(profileColumn('ID_A', nhs).identifier?.kind).toBe('nhs-number');
    const spaced = nhs.map((n) => `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`);
    expect(profileColumn('X', spaced).identifier?.kind).toBe('nhs-number');
    const tenDigitCounts = values(60, (i) => String(1_000_000_000 + i * 7919).padStart(10, '0'));
    const named = profileColumn('NHS_NUMBER', tenDigitCounts.map((v, i) => (i % 2 ? v : 'x')));
    expect(named.identifier?.kind).not.toBe('nhs-number');
  });

  it('NHS numbers: a supporting column name lowers the share needed', () => {
    const mixed = values(100, (i) => (i % 3 === 0 ? testNhsNumber(random) : 'not recorded'));
    expect(profileColumn('NHS_NO', mixed).identifier?.kind).toBe('nhs-number');
    expect(profileColumn('COL7', mixed).identifier?.kind).not.toBe('nhs-number');
  });

  it('full postcodes are identifiers; districts are not, but are named as such', () => {
    const full = values(40, (i) => ['LS1 4AP', 'M1 1AE', 'B33 8TH', 'SW1A 1AA'][i % 4]!);
    const p = profileColumn('POSTCODE', full);
    expect(p.identifier?.kind).toBe('postcode');
    const district = profileColumn('POSTCODE_DISTRICT', values(40, (i) => ['LS1', 'M1', 'B33', 'SW1A', 'E1W'][i % 5]!));
    expect(district.identifier).toBeNull();
    expect(district.pattern).toEqual({ kind: 'postcode-district', share: 1 });
    expect(district.type).toBe('category');
    expect(district.frequencies).toHaveLength(5);
  });

  it('dates of birth need both the name and plausible birth dates', () => {
    const dob = values(30, (i) => `19${40 + i}-0${1 + (i % 9)}-1${i % 10}`);
    expect(profileColumn('DATE_OF_BIRTH', dob).identifier?.kind).toBe('date-of-birth');
    expect(profileColumn('DOB', dob.map((d) => d.split('-').reverse().join('/'))).identifier?.kind).toBe('date-of-birth');
    const notDob = profileColumn('ADMISSION_DATE', dob);
    expect(notDob.identifier).toBeNull();
    expect(notDob.date?.range).toEqual({ min: '1940-01-10', max: '1969-03-19' });
    // a "birth" column of numbers (year of birth) is not a date of birth by these rules
    expect(profileColumn('YEAR_OF_BIRTH', values(30, (i) => String(1940 + (i % 5)))).identifier).toBeNull();
    // implausible years: a birth-named column of far-future dates is not flagged as one
    expect(profileColumn('BIRTH_DATE', values(30, (i) => `25${10 + i}-01-01`)).identifier).toBeNull();
  });

  it('email addresses and UK telephone numbers', () => {
    expect(profileColumn('CONTACT', values(20, (i) => `person${i % 5}@example.org`)).identifier?.kind).toBe('email');
    expect(profileColumn('CONTACT', values(20, (i) => `07700 90012${i % 5}`)).identifier?.kind).toBe('phone');
  });

  it('names: a name-like column name and words of letters', () => {
    const names = values(40, (i) => ["O'Brien", 'Smith-Jones', 'Zoë', 'Patel', 'de la Cruz'][i % 5]!);
    expect(profileColumn('SURNAME', names).identifier?.kind).toBe('name');
    expect(profileColumn('REGION_NAME', names).identifier).toBeNull();
    expect(profileColumn('SURNAME', values(40, (i) => String(i % 5))).identifier).toBeNull();
    // long names take the fast path for long values that start with a letter
    const long = values(40, (i) => ['Featherstonehaugh', 'Cholmondeley-Warner', 'Ní Bhriain Mac Giolla', "D'Arcy-Fitzwilliam"][i % 4]!);
    expect(profileColumn('FAMILY_NAME', long).identifier?.kind).toBe('name');
    expect(profileColumn('FAMILY_NAME', long.map((n, i) => `${n}${i}`)).identifier?.kind).not.toBe('name');
    expect(profileColumn('CONTACT', values(40, (i) => `someone.long${i % 7}@example.nhs.uk`)).identifier?.kind).toBe('email');
  });

  it('record keys: (almost) every value distinct, enough values, not a measurement', () => {
    expect(profileColumn('PSEUDO_ID', values(200, (i) => String(i + 1))).identifier?.kind).toBe('record-key');
    expect(profileColumn('LOCAL_REF', values(200, (i) => `R${(i * 7919) % 100000}`)).identifier?.kind).toBe('record-key');
    expect(profileColumn('BMI', values(200, (i) => (15 + i * 0.13).toFixed(2))).identifier).toBeNull(); // decimal
    expect(profileColumn('SMALL', values(20, (i) => String(i))).identifier).toBeNull();
    expect(profileColumn('SEX', values(200, (i) => String(1 + (i % 2)))).identifier).toBeNull();
  });

  it('free text with mostly distinct values', () => {
    const p = profileColumn('CLINICAL_NOTE', values(100, (i) => `patient reviewed ${i} times`));
    expect(p.identifier?.kind).toBe('free-text');
    const repeated = profileColumn('OUTCOME_TEXT', values(100, (i) => ['discharged home', 'transferred out'][i % 2]!));
    expect(repeated.identifier).toBeNull();
  });

  it('reasons describe shares and shapes, never values', () => {
    const nhs = values(60, () => testNhsNumber(random));
    const p = profileColumn('NHS_NUMBER', nhs);
    expect(p.identifier?.reason).toMatch(/^100\.0% of values are 10-digit numbers with a valid NHS number check digit/);
    for (const n of nhs) expect(p.identifier!.reason).not.toContain(n);
  });
});

describe('free text below half distinct', () => {
  it('phrases that rarely repeat are free text even when they pass as a category', () => {
    const comments = values(200, (i) => (i % 3 ? `reviewed by clinician ${i % 60}` : 'no concerns'));
    const p = profileColumn('COMMENTS', comments);
    expect(p.identifier?.kind).toBe('free-text');
    expect(p.frequencies).toBeNull();
    const categories = profileColumn('ETHNICITY_DESC', values(200, (i) => ['White British', 'Asian or Asian British', 'Not stated'][i % 3]!));
    expect(categories.identifier).toBeNull();
  });
});
