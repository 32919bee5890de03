// A report input built from real counts: a seeded synthetic NHS-like extract (shared/synthetic),
// parsed with papaparse and counted here, with an under-recruited group so that small cells exist.
// The TRUE counts are returned beside the input so tests can look for them in the output.

import Papa from 'papaparse';
import { generateExtract } from '../../../shared/synthetic/extract';
import { getReference } from '../../../shared/reference';
import type { CountTable, RateTable } from '../../../shared/disclosure';
import type { Answers, ReportInput, ReportSectionInput } from '../../../shared/report';
import { emptyAnswers } from '../../../shared/report';

export interface TrueCell {
  tableId: string;
  /** Category labels; null = Total. */
  coords: (string | null)[];
  value: number;
}

export interface SyntheticReport {
  input: Omit<ReportInput, 'policy' | 'answers'> & { answers: Answers };
  /** Every true cell (interior and margins) of every count table, and the numerators and denominators of rates. */
  truth: TrueCell[];
  csvText: string;
}

const SEX: Record<string, string> = { '1': 'Male', '2': 'Female' };

export function syntheticReport(rows = 900, seed = 7): SyntheticReport {
  let csvText = '';
  for (const chunk of generateExtract({ rows, seed, undersample: { attribute: 'ethnicity', category: 'N', factor: 0.05 }, missingEthnicity: { notStated: 0.04, notKnown: 0.06 } })) csvText += chunk;
  const parsed = Papa.parse<Record<string, string>>(csvText, { header: true, skipEmptyLines: true });
  const data = parsed.data;

  const ethRef = getReference('census2021-england', 'ethnicity', 'nhs-ethnic-category');
  const sexRef = getReference('census2021-england', 'sex', 'sex');
  const ethLabel = new Map(ethRef.categories.map((c) => [c.key, c.label]));
  const ethCategories = [...ethRef.categories.map((c) => c.label), 'Not stated', 'Not known'];
  const ethnicityOf = (r: Record<string, string>) => (r.ETHNIC_CATEGORY === 'Z' ? 'Not stated' : ethLabel.get(r.ETHNIC_CATEGORY ?? '') ?? 'Not known');
  const sexCategories = ['Male', 'Female', 'Not known'];
  const sexOf = (r: Record<string, string>) => SEX[r.PERSON_PHENOTYPIC_SEX ?? ''] ?? 'Not known';
  const years = ['2019', '2020', '2021', '2022', '2023', '2024'];
  const yearOf = (r: Record<string, string>) => (r.ADMISSION_DATE ?? '').slice(-4);

  const truth: TrueCell[] = [];
  const oneWay = (id: string, title: string, name: string, categories: string[], of: (r: Record<string, string>) => string): CountTable => {
    const counts = categories.map(() => 0);
    for (const r of data) counts[categories.indexOf(of(r))]!++;
    categories.forEach((c, i) => truth.push({ tableId: id, coords: [c], value: counts[i]! }));
    truth.push({ tableId: id, coords: [null], value: data.length });
    return { kind: 'count-table', id, title, dimensions: [{ name, categories }], counts, margins: 'all' };
  };
  const twoWay = (id: string, title: string, a: [string, string[], (r: Record<string, string>) => string], b: [string, string[], (r: Record<string, string>) => string]): CountTable => {
    const counts = new Array<number>(a[1].length * b[1].length).fill(0);
    for (const r of data) counts[a[1].indexOf(a[2](r)) * b[1].length + b[1].indexOf(b[2](r))]!++;
    a[1].forEach((x, i) => b[1].forEach((y, j) => truth.push({ tableId: id, coords: [x, y], value: counts[i * b[1].length + j]! })));
    return { kind: 'count-table', id, title, dimensions: [{ name: a[0], categories: a[1] }, { name: b[0], categories: b[1] }], counts, margins: 'all' };
  };
  const rate = (id: string, title: string, name: string, categories: string[], of: (r: Record<string, string>) => string, event: (r: Record<string, string>) => boolean): RateTable => {
    const numerators = categories.map(() => 0);
    const denominators = categories.map(() => 0);
    for (const r of data) {
      const i = categories.indexOf(of(r));
      denominators[i]!++;
      if (event(r)) numerators[i]!++;
    }
    categories.forEach((c, i) => truth.push({ tableId: `${id}#numerator`, coords: [c], value: numerators[i]! }));
    return { kind: 'rates', id, title, dimensions: [{ name, categories }], numerators, denominators, per: 100 };
  };
  const blank = (v: string | undefined) => v === undefined || v.trim() === '' || v === 'NULL';

  const sections: ReportSectionInput[] = [
    { role: 'representation', statistic: oneWay('ethnicity', 'Ethnic category', 'ethnicity', ethCategories, ethnicityOf), reference: ethRef },
    { role: 'representation', statistic: oneWay('sex', 'Sex', 'sex', sexCategories, sexOf), reference: sexRef },
    { role: 'intersection', statistic: twoWay('ethnicity-by-sex', 'Ethnic category by sex', ['ethnicity', ethCategories, ethnicityOf], ['sex', sexCategories, sexOf]) },
    { role: 'missingness', statistic: rate('bmi-missing-by-ethnicity', 'BMI missing by ethnic category', 'ethnicity', ethCategories, ethnicityOf, (r) => blank(r.BMI)), variable: 'BMI' },
    { role: 'missingness', statistic: rate('smoking-missing-by-ethnicity', 'Smoking status missing by ethnic category', 'ethnicity', ethCategories, ethnicityOf, (r) => blank(r.SMOKING_STATUS)), variable: 'Smoking status' },
    { role: 'outcome', statistic: rate('outcome-by-sex', '30-day outcome by sex', 'sex', sexCategories, sexOf, (r) => r.OUTCOME_30D === '1'), variable: '30-day outcome' },
    { role: 'period', statistic: twoWay('year-by-sex', 'Admissions by year and sex', ['year', years, yearOf], ['sex', sexCategories, sexOf]) },
  ];
  return {
    input: {
      dataset: { name: '/tmp/somewhere/synthetic-extract.csv', sizeBytes: csvText.length, modifiedIso: '2026-11-27T09:00:00.000Z', sha256: 'a'.repeat(64) },
      sections,
      answers: emptyAnswers(),
      appVersion: '0.1.0',
      createdAt: '2026-11-27T10:00:00.000Z',
    },
    truth,
    csvText,
  };
}
