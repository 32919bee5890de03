// Real inputs for the export workflow tests: protected tables made by the real disclosure code
// (shared/disclosure) from synthetic counts, the ACRO results.json it writes, and temp homes.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { acroTableCsv, buildAcroResults, presetPolicy, protectTable, type Policy, type ProtectedCountTable } from '../../../shared/disclosure';
import type { ExportRequestInput } from '../../../main/services/export-workflow/request';

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `represent-${prefix}-`));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export const PASSPHRASE = 'correct horse battery staple';

/** Ethnicity × sex counts of a synthetic extract (made up; no person behind them). */
const ETHNICITY = ['Asian', 'Black', 'Mixed', 'White', 'Other'];
const SEX = ['Female', 'Male'];
const COUNTS = [412, 398, 120, 131, 61, 3, 2250, 2197, 44, 52];

export interface ProtectedFixture {
  policy: Policy;
  files: { name: string; bytes: Uint8Array }[];
  evidence: unknown;
  acroResults: unknown;
}

export function protectedFixture(policyId: 'opensafely' | 'acro-default' = 'opensafely'): ProtectedFixture {
  const policy = presetPolicy(policyId);
  const byEthnicity = protectTable(
    { kind: 'count-table', id: 'ethnicity_by_sex', title: 'Ethnicity by sex', dimensions: [{ name: 'ethnicity', categories: ETHNICITY }, { name: 'sex', categories: SEX }], counts: COUNTS, margins: 'all' },
    policy,
  );
  const bySex = protectTable(
    { kind: 'count-table', id: 'sex', title: 'Sex', population: 'other', dimensions: [{ name: 'sex', categories: SEX }], counts: [2887, 2781], margins: 'none' },
    policy,
  );
  const csv1 = acroTableCsv(byEthnicity.output as ProtectedCountTable);
  const csv2 = acroTableCsv(bySex.output as ProtectedCountTable);
  const at = '2026-01-01T00:00:00.000Z';
  const acroResults = buildAcroResults(
    [
      { result: byEthnicity, files: ['tables/ethnicity_by_sex.csv'], command: 'crosstab ethnicity sex', timestamp: at },
      { result: bySex, files: ['tables/sex.csv'], command: 'crosstab sex', timestamp: at },
    ],
    'Represent test',
  );
  return {
    policy,
    files: [
      { name: 'tables/ethnicity_by_sex.csv', bytes: Buffer.from(csv1, 'utf8') },
      { name: 'tables/sex.csv', bytes: Buffer.from(csv2, 'utf8') },
    ],
    evidence: { tables: [byEthnicity.evidence, bySex.evidence] },
    acroResults,
  };
}

export function requestInput(fixture: ProtectedFixture = protectedFixture()): ExportRequestInput {
  return {
    files: fixture.files,
    evidence: fixture.evidence,
    acroResults: fixture.acroResults,
    policy: fixture.policy,
    dataset: { sha256: 'a'.repeat(64), sizeBytes: 123456, fileName: 'extract.csv' },
    purpose: 'Representation of ethnic groups in the 2025 cohort, for the equity audit.',
    justification: 'Aggregate tables only, protected under the OpenSAFELY rules.',
  };
}

/** Copies a zip with its entries changed by `edit` (for tamper and bad-input tests). */
export async function rewriteZip(src: string, dst: string, edit: (entries: Map<string, Buffer>) => void): Promise<void> {
  const { readZipFile, writeZipFile } = await import('../../../main/services/export-workflow/zip-io');
  const zip = await readZipFile(src);
  edit(zip.entries);
  await writeZipFile(dst, [...zip.entries].map(([name, bytes]) => ({ name, bytes })), new Date('2026-01-01T00:00:00Z'));
}

/** A protected-looking CSV that the disclosure screen fails (a count of 3 under a threshold of 8). */
export const FAILING_CSV = 'region,n\nNorth,3\nSouth,120\n';

/** Writes the protected report as a user would have it on disk: tables, results.json, evidence.json. */
export function writeReportFolder(dir: string, fixture: ProtectedFixture = protectedFixture()): { reportDir: string; results: string; evidence: string } {
  const reportDir = path.join(dir, 'report');
  for (const f of fixture.files) {
    const file = path.join(reportDir, f.name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, f.bytes);
  }
  const results = path.join(dir, 'results.json');
  const evidence = path.join(dir, 'evidence.json');
  writeFileSync(results, JSON.stringify(fixture.acroResults));
  writeFileSync(evidence, JSON.stringify(fixture.evidence));
  return { reportDir, results, evidence };
}
