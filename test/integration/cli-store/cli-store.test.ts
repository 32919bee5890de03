// The CLI records what it does: `represent profile`, `analyse` and `report`, run as child processes
// against a temporary REPRESENT_HOME, leave the dataset (fingerprint and metadata), its profile,
// the mapping used and the report built in the store, with audit events that verify; the store's
// bytes (main file and WAL) hold none of the planted row-level values; --no-store leaves no trace;
// and a store that cannot be written stops the command with exit 3 before it reads the file.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateExtract } from '../../../shared/synthetic/extract';
import { runCli, type CliResult } from '../cli-harness';
import { syntheticReport } from '../../unit/report/synthetic-report';

const ROWS = 3000;
/** Values planted in the extract's first data row: none may reach the store. */
const PLANTED = { nhsNumber: '9990004321', diagnosis: 'QZX-CLI-PLANTED-DIAGNOSIS', bmi: '87.6543' };

let root: string;
let home: string;
let csv: string;
let mappingFile: string;
let dobs: string[];

function represent(args: string[], storeHome: string = home): Promise<CliResult> {
  return runCli(args, { env: { REPRESENT_HOME: storeHome } });
}

async function ok(args: string[], storeHome: string = home): Promise<string> {
  const r = await represent(args, storeHome);
  expect(r.code, `represent ${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout;
}

/** Reads the store as it is on disk (WAL included), read-only, and closes it again. */
function query<T>(sql: string, storeHome: string = home): T[] {
  const db = new Database(path.join(storeHome, 'represent.db'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

function eventTypes(storeHome: string = home): string[] {
  return query<{ type: string }>('SELECT type FROM audit_events ORDER BY seq', storeHome).map((e) => e.type);
}

/** SHA-256 of every file of the store (represent.db, -wal, -shm), by name. */
function storeFileHashes(storeHome: string): Record<string, string> {
  if (!existsSync(storeHome)) return {};
  return Object.fromEntries(
    readdirSync(storeHome)
      .filter((f) => f.startsWith('represent.db'))
      .sort()
      .map((f) => [f, createHash('sha256').update(readFileSync(path.join(storeHome, f))).digest('hex')]),
  );
}

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'represent-cli-store-'));
  home = path.join(root, 'home');
  csv = path.join(root, 'admissions.csv');
  const text = [...generateExtract({ rows: ROWS, seed: 6006, messy: true })].join('');
  const [header, ...rows] = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
  const col = (name: string) => header!.indexOf(name);
  rows[0]![col('NHS_NUMBER')] = PLANTED.nhsNumber;
  rows[0]![col('PRIMARY_DIAGNOSIS')] = PLANTED.diagnosis;
  rows[0]![col('BMI')] = PLANTED.bmi;
  dobs = rows.slice(0, 100).map((r) => r[col('PERSON_BIRTH_DATE')]!).filter((v) => /^\d{4}-\d{2}-\d{2}$/.test(v));
  writeFileSync(csv, Papa.unparse([header!, ...rows], { newline: '\n' }) + '\n');
  // The mapping `represent mapping suggest` proposes (suggesting reads the file but records nothing).
  mappingFile = path.join(root, 'mapping.json');
  writeFileSync(mappingFile, await ok(['mapping', 'suggest', csv], path.join(root, 'unused-home')));
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('represent profile, analyse and report record in the store', () => {
  it('profile records the project, the dataset by fingerprint and the profile, with their audit events', async () => {
    await ok(['profile', csv, '--quiet', '--workers', '1']);
    const sha256 = createHash('sha256').update(readFileSync(csv)).digest('hex');
    const datasets = query<{ id: string; project_id: string | null; file_name: string; file_path: string; sha256: string; metadata_json: string }>('SELECT * FROM datasets');
    expect(datasets).toHaveLength(1);
    expect(datasets[0]).toMatchObject({ file_name: 'admissions.csv', file_path: csv, sha256 });
    expect(datasets[0]!.project_id).not.toBeNull();
    // Metadata only: the dialect and the columns' names and types.
    const metadata = JSON.parse(datasets[0]!.metadata_json) as { columns: { name: string; type: string }[] };
    expect(metadata.columns.map((c) => c.name)).toContain('NHS_NUMBER');
    expect(query<{ row_count: number; dataset_id: string }>('SELECT row_count, dataset_id FROM profiles')).toEqual([{ row_count: ROWS, dataset_id: datasets[0]!.id }]);
    expect(eventTypes()).toEqual(['store.migrated', 'project.created', 'dataset.opened', 'profile.run']);
    // The app lists what the CLI recorded among its recent files.
    expect(query<{ n: number }>('SELECT count(*) AS n FROM projects')[0]!.n).toBe(1);
  });

  it('analyse records the dataset again (same project) and the mapping it used', async () => {
    await ok(['analyse', csv, '--mapping', mappingFile, '--quiet', '--workers', '1']);
    const datasets = query<{ id: string; project_id: string }>('SELECT id, project_id FROM datasets ORDER BY rowid');
    expect(datasets).toHaveLength(2);
    expect(datasets[1]!.project_id).toBe(datasets[0]!.project_id);
    const mappings = query<{ dataset_id: string; version: number; mapping_json: string }>('SELECT dataset_id, version, mapping_json FROM mappings');
    expect(mappings).toHaveLength(1);
    expect(mappings[0]).toMatchObject({ dataset_id: datasets[1]!.id, version: 1 });
    const suggested = JSON.parse(readFileSync(mappingFile, 'utf8')) as { attributes: { column: string }[] };
    expect((JSON.parse(mappings[0]!.mapping_json) as { attributes: { column: string }[] }).attributes.map((a) => a.column)).toEqual(suggested.attributes.map((a) => a.column));
    expect(eventTypes().slice(4)).toEqual(['dataset.opened', 'profile.run', 'mapping.changed']);
  }, 60_000);

  it('report records the dataset, the mapping and the report built, with every file’s SHA-256', async () => {
    const out = path.join(root, 'report');
    const printed = await ok(['report', csv, '--mapping', mappingFile, '--out', out, '--policy', 'opensafely']);
    expect(printed).toMatch(/Wrote the standards report/);
    const reports = query<{ id: string; dataset_id: string; policy_id: string; policy_sha256: string; files_json: string }>('SELECT * FROM reports');
    expect(reports).toHaveLength(1);
    expect(reports[0]!.policy_id).toBe('opensafely');
    const files = JSON.parse(reports[0]!.files_json) as { path: string; sha256: string }[];
    expect(files.map((f) => f.path)).toContain('report.html');
    for (const f of files) expect(f.sha256, f.path).toBe(createHash('sha256').update(readFileSync(path.join(out, ...f.path.split('/')))).digest('hex'));
    const latestDataset = query<{ id: string }>('SELECT id FROM datasets ORDER BY rowid DESC LIMIT 1')[0]!;
    expect(reports[0]!.dataset_id).toBe(latestDataset.id);
    // The same mapping as before for the same bytes: recorded once more, for this opening.
    expect(query<{ n: number }>('SELECT count(*) AS n FROM mappings')[0]!.n).toBe(2);
    const built = query<{ details_json: string }>("SELECT details_json FROM audit_events WHERE type = 'report.built'");
    expect(built).toHaveLength(1);
    expect(JSON.parse(built[0]!.details_json)).toMatchObject({ reportId: reports[0]!.id, policyId: 'opensafely', policySha256: reports[0]!.policy_sha256 });
    expect(eventTypes().slice(7)).toEqual(['dataset.opened', 'profile.run', 'mapping.changed', 'report.built']);
  }, 60_000);

  it('leaves an audit log that `represent audit verify` passes and `audit list` shows', async () => {
    expect(await ok(['audit', 'verify'])).toMatch(/Audit log OK: 11 events, chain intact/);
    const listed = await ok(['audit', 'list']);
    for (const type of ['dataset.opened', 'profile.run', 'mapping.changed', 'report.built']) expect(listed).toContain(type);
  });

  it('holds no planted value in the store’s bytes (main file and WAL)', () => {
    const names = readdirSync(home).filter((f) => f.startsWith('represent.db'));
    expect(names).toContain('represent.db');
    const all = Buffer.concat(names.map((f) => readFileSync(path.join(home, f))));
    // The search works on these bytes: the file's name is there.
    expect(all.includes(Buffer.from('admissions.csv'))).toBe(true);
    for (const value of Object.values(PLANTED)) expect(all.includes(Buffer.from(value)), value).toBe(false);
    expect(dobs.length).toBeGreaterThan(10);
    for (const dob of dobs) expect(all.includes(Buffer.from(dob)), 'a date of birth').toBe(false);
  });
});

describe('--no-store', () => {
  it('records nothing: the store’s files are byte for byte unchanged', async () => {
    const before = storeFileHashes(home);
    expect(Object.keys(before)).toContain('represent.db');
    await ok(['profile', csv, '--quiet', '--no-store', '--workers', '1']);
    await ok(['analyse', csv, '--mapping', mappingFile, '--quiet', '--no-store', '--workers', '1']);
    await ok(['report', csv, '--mapping', mappingFile, '--out', path.join(root, 'report-no-store'), '--no-store']);
    expect(storeFileHashes(home)).toEqual(before);
  }, 90_000);

  it('creates no store at all in a home that has none', async () => {
    const fresh = path.join(root, 'fresh-home');
    await ok(['profile', csv, '--quiet', '--no-store'], fresh);
    expect(existsSync(fresh)).toBe(false);
  });

  it('is documented in each command’s help', async () => {
    for (const command of ['profile', 'analyse', 'report']) expect(await ok([command, '--help'])).toMatch(/--no-store\s+record nothing/);
  });
});

describe('a store that cannot be written', () => {
  it('stops the command with exit 3 and a clear message, before anything is written', async () => {
    // A home below a regular file can never be created.
    const blocker = path.join(root, 'not-a-folder');
    writeFileSync(blocker, 'x');
    const out = path.join(root, 'report-unwritable');
    const r = await represent(['report', csv, '--mapping', mappingFile, '--out', out], path.join(blocker, 'home'));
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/represent report: The folder for the store could not be created/);
    expect(r.stderr).toMatch(/--no-store/);
    expect(existsSync(out)).toBe(false);
  });

  it('stops with exit 3 when another process holds the store’s write lock, recording nothing', async () => {
    const before = query<{ n: number }>('SELECT count(*) AS n FROM audit_events')[0]!.n;
    const holder = new Database(path.join(home, 'represent.db'));
    holder.prepare('BEGIN IMMEDIATE').run();
    try {
      const r = await represent(['profile', csv, '--quiet']);
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(/The store is locked by another Represent process/);
      expect(r.stderr).toMatch(/Nothing was read or recorded/);
    } finally {
      holder.prepare('ROLLBACK').run();
      holder.close();
    }
    expect(query<{ n: number }>('SELECT count(*) AS n FROM audit_events')[0]!.n).toBe(before);
    expect(await ok(['audit', 'verify'])).toMatch(/Audit log OK/);
  }, 60_000);
});

describe('report from a statistics file', () => {
  it('records the dataset by fingerprint alone (outside the recent list) and the report', async () => {
    const statsHome = path.join(root, 'stats-home');
    mkdirSync(statsHome);
    // The statistics file as the report tests build it (test/integration/report/cli.test.ts).
    const synthetic = syntheticReport();
    const data = path.join(root, 'stats-extract.csv');
    writeFileSync(data, synthetic.csvText);
    const stats = path.join(root, 'stats.json');
    writeFileSync(
      stats,
      JSON.stringify({
        sections: synthetic.input.sections.map((x) => ({
          role: x.role,
          statistic: x.statistic,
          ...(x.variable ? { variable: x.variable } : {}),
          ...(x.reference ? { reference: { id: x.reference.referenceId, attribute: x.reference.attribute, scheme: x.reference.categorySet } } : {}),
        })),
      }),
    );
    await ok(['report', data, '--statistics', stats, '--policy', 'opensafely', '--out', path.join(root, 'report-stats')], statsHome);
    const datasets = query<{ project_id: string | null; metadata_json: string }>('SELECT project_id, metadata_json FROM datasets', statsHome);
    expect(datasets).toEqual([{ project_id: null, metadata_json: '{}' }]);
    expect(query<{ n: number }>('SELECT count(*) AS n FROM profiles', statsHome)[0]!.n).toBe(0);
    expect(eventTypes(statsHome)).toEqual(['store.migrated', 'dataset.opened', 'report.built']);
    expect(await ok(['audit', 'verify'], statsHome)).toMatch(/Audit log OK: 3 events/);
  }, 60_000);
});
