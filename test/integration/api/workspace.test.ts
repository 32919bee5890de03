// The workspace channels end to end: a real store in a temporary home, a real synthetic extract
// on disk, and every call through the one gate (dispatchApiCall) the app and the test bridge use.
import { mkdtempSync, readdirSync, readFileSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisView, AnswersView, ApiChannel, ApiRequest, ApiResponse, ApiResult, DatasetOverview, MappingView, RecentDataset, ReferenceOption } from '../../../shared/api';
import type { SerializedError } from '../../../shared/errors';
import { generateExtract } from '../../../shared/synthetic/extract';
import { buildReport, emptyAnswers, sectionsFromAnalysis, type Answers } from '../../../shared/report';
import { PRESET_IDS, presetPolicy } from '../../../shared/disclosure';
import type { MappingDocument } from '../../../shared/demographics';
import { dispatchApiCall } from '../../../main/services/api-handlers';
import { createNodeApiDeps } from '../../../main/services/api-deps';
import type { ApiDeps } from '../../../main/services/api-types';
import { listAuditEvents } from '../../../main/store/audit-log';
import { RecentCache } from '../../../main/services/workspace/row-level-memory';
import { MAX_UNMAPPED_VALUES } from '../../../main/services/workspace/dataset-analysis';

const ROWS = 4000;
/** Values planted in the extract that must never reach the store (an NHS number, a rare diagnosis, an extreme BMI). */
const PLANTED = { nhsNumber: '9990001234', diagnosis: 'QZX-PLANTED-DIAGNOSIS', bmi: '88.4321' };

let home: string;
let dataDir: string;
let csvPath: string;
let deps: ApiDeps;
let eventsSeen: { event: string; payload: unknown }[];

function ctx() {
  return {
    sender: { frameUrl: 'app://represent/index.html', isMainFrame: true },
    trustedOrigin: 'app://represent',
    emit: (event: string, payload: unknown) => void eventsSeen.push({ event, payload }),
  };
}

async function call<C extends ApiChannel>(channel: C, request: ApiRequest<C>): Promise<ApiResult<ApiResponse<C>>> {
  return (await dispatchApiCall(deps, channel, request, ctx())) as ApiResult<ApiResponse<C>>;
}

async function ok<C extends ApiChannel>(channel: C, request: ApiRequest<C>): Promise<ApiResponse<C>> {
  const result = await call(channel, request);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

async function fails<C extends ApiChannel>(channel: C, request: ApiRequest<C>): Promise<SerializedError> {
  const result = await call(channel, request);
  if (result.ok) throw new Error(`${channel} succeeded where it should fail`);
  return result.error;
}

/** Local ethnicity codes no NHS scheme reads (planted with these row counts), for the unmapped-values list. */
const LOCAL_ETHNICITY_CODES: [string, number][] = [['Q9', 30], ['W7', 12], ['LOCAL', 5]];

/** A messy synthetic extract with a few planted values in its first data row, and some local ethnicity codes. */
function writeExtract(file: string): void {
  const text = [...generateExtract({ rows: ROWS, seed: 20260, messy: true })].join('');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
  const [header, ...rows] = parsed.data;
  const col = (name: string) => header!.indexOf(name);
  const first = rows[0]!;
  first[col('NHS_NUMBER')] = PLANTED.nhsNumber;
  first[col('PRIMARY_DIAGNOSIS')] = PLANTED.diagnosis;
  first[col('BMI')] = PLANTED.bmi;
  let r = 1;
  for (const [code, count] of LOCAL_ETHNICITY_CODES) for (let i = 0; i < count; i++) rows[r++]![col('ETHNIC_CATEGORY')] = code;
  writeFileSync(file, Papa.unparse([header!, ...rows], { newline: '\n' }) + '\n');
}

let overview: DatasetOverview;

beforeAll(async () => {
  home = mkdtempSync(path.join(os.tmpdir(), 'represent-workspace-home-'));
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'represent-workspace-data-'));
  csvPath = path.join(dataDir, 'extract.csv');
  writeExtract(csvPath);
  eventsSeen = [];
  deps = createNodeApiDeps({
    appInfo: { name: 'Represent', version: '0.0.0-test', offline: true },
    chooseDataFile: async () => null,
    chooseSavePath: async () => null,
    chooseBundle: async () => null,
    home,
    workers: 1,
  });
  overview = await ok('profile:run', { jobId: 'job-profile-1', path: csvPath });
}, 60_000);

afterAll(() => {
  if (deps?.db.open) deps.db.close();
});

describe('profile:run records the dataset in the store', () => {
  it('returns the overview with the store’s dataset and project ids', () => {
    expect(overview.rows).toBe(ROWS);
    expect(overview.file.name).toBe('extract.csv');
    expect(overview.datasetId).toMatch(/^[0-9a-f-]{36}$/);
    expect(overview.projectId).toMatch(/^[0-9a-f-]{36}$/);
    expect(overview.columns.find((c) => c.name === 'NHS_NUMBER')?.flags.map((f) => f.kind)).toContain('identifier');
    expect(eventsSeen.some((e) => e.event === 'profile:progress' && (e.payload as { jobId: string }).jobId === 'job-profile-1')).toBe(true);
    const types = listAuditEvents(deps.db).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['project.created', 'dataset.opened', 'profile.run']));
  });

  it('lists it as recent, and reopens it from the stored profile with the same overview', async () => {
    const recent: RecentDataset[] = await ok('dataset:recent', {});
    expect(recent).toEqual([
      expect.objectContaining({ datasetId: overview.datasetId, projectId: overview.projectId, fileName: 'extract.csv', path: csvPath, sizeBytes: overview.file.sizeBytes, hasMapping: false }),
    ]);
    expect(await ok('dataset:open', { datasetId: overview.datasetId })).toEqual(overview);
  });

  it('refuses an id the store does not hold', async () => {
    const error = await fails('dataset:open', { datasetId: '00000000-0000-4000-8000-000000000000' });
    expect(error.code).toBe('bad-argument');
  });
});

/** The recognisers' mapping of the extract (several attributes, an outcome and a period). */
let suggested: MappingView;

describe('mapping and analysis', () => {
  let ethnicityIndex: number;

  it('suggests a mapping from the profile, with confidence and reasons, when none is saved', async () => {
    suggested = await ok('mapping:get', { datasetId: overview.datasetId });
    expect(suggested.source).toBe('suggested');
    ethnicityIndex = suggested.mapping.attributes.findIndex((a) => a.column === 'ETHNIC_CATEGORY');
    expect(ethnicityIndex).toBeGreaterThanOrEqual(0);
    const ethnicity = suggested.suggestions.find((s) => s.column === 'ETHNIC_CATEGORY')!;
    expect(ethnicity.kind).toBe('ethnicity');
    expect(ethnicity.confidence).toBeGreaterThan(0.5);
    expect(ethnicity.confidence).toBeLessThanOrEqual(1);
    expect(ethnicity.reason.length).toBeGreaterThan(10);
    expect(suggested.columns.find((c) => c.name === 'NHS_NUMBER')).toEqual({ name: 'NHS_NUMBER', type: expect.any(String), isIdentifier: true });
    expect(suggested.columns.find((c) => c.name === 'BMI')?.isIdentifier).toBe(false);
  });

  it('refuses a mapping that names a column the file lacks, and saves a good one (audited)', async () => {
    const bad: MappingDocument = { ...suggested.mapping, attributes: [{ column: 'NO_SUCH_COLUMN', kind: 'sex', scheme: 'sex-text' }] };
    expect((await fails('mapping:save', { datasetId: overview.datasetId, mapping: bad })).code).toBe('bad-mapping');
    // An identifier column never becomes an attribute: its values would reach the screen as categories.
    const nhs: MappingDocument = { ...suggested.mapping, attributes: [{ column: 'NHS_NUMBER', kind: 'other', scheme: 'as-recorded', label: 'number' }] };
    const refused = await fails('mapping:save', { datasetId: overview.datasetId, mapping: nhs });
    expect(refused.code).toBe('bad-mapping');
    expect(refused.location.column).toBe('NHS_NUMBER');
    const before = listAuditEvents(deps.db, { type: 'mapping.changed' }).length;
    const saved = await ok('mapping:save', { datasetId: overview.datasetId, mapping: withoutValueMap(suggested.mapping, ethnicityIndex) });
    expect(saved.source).toBe('saved');
    expect(listAuditEvents(deps.db, { type: 'mapping.changed' })).toHaveLength(before + 1);
    expect((await ok('mapping:get', { datasetId: overview.datasetId })).source).toBe('saved');
    expect((await ok('dataset:recent', {}))[0]!.hasMapping).toBe(true);
  });

  let first: AnalysisView;

  it('reads the file once for the mapped columns and lists the unmapped raw values with counts', async () => {
    eventsSeen = [];
    first = await ok('analysis:run', { jobId: 'job-analysis-1', datasetId: overview.datasetId });
    expect(first.readFile).toBe(true);
    expect(first.result.rows).toBe(ROWS);
    expect(first.reference).toEqual({ builtIn: 'census2021-england' });
    expect(eventsSeen.every((e) => e.event === 'profile:progress' && (e.payload as { jobId: string }).jobId === 'job-analysis-1')).toBe(true);
    const unmapped = first.unmapped.find((u) => u.column === 'ETHNIC_CATEGORY');
    expect(unmapped, 'the planted local codes are not read by the scheme').toBeDefined();
    for (const [code, count] of LOCAL_ETHNICITY_CODES) expect(unmapped!.values).toContainEqual({ raw: code, rows: count });
    expect(unmapped!.values.length).toBeLessThanOrEqual(MAX_UNMAPPED_VALUES);
    for (const v of unmapped!.values) expect(v.rows).toBeGreaterThan(0);
    const sorted = [...unmapped!.values].sort((a, b) => b.rows - a.rows);
    expect(unmapped!.values.map((v) => v.rows)).toEqual(sorted.map((v) => v.rows));
    const ethnicity = first.result.attributes.find((a) => a.column === 'ETHNIC_CATEGORY')!;
    const listed = unmapped!.values.reduce((s, v) => s + v.rows, 0);
    if (unmapped!.more === 0) expect(listed).toBe(ethnicity.special.unmapped);
    // Identifier columns are never listed, whatever the mapping.
    expect(first.unmapped.map((u) => u.column)).not.toContain('NHS_NUMBER');
    expect(first.unmapped.map((u) => u.column)).not.toContain('PERSON_BIRTH_DATE');
  });

  it('re-runs from the tally in memory when only the code mapping changes, with different counts', async () => {
    const unmapped = first.unmapped.find((u) => u.column === 'ETHNIC_CATEGORY')!;
    const mapping = withoutValueMap(suggested.mapping, ethnicityIndex);
    // Assign every listed unmapped value to "not stated": the groups' counts move, the file is not read.
    mapping.attributes[ethnicityIndex] = { ...mapping.attributes[ethnicityIndex]!, valueMap: Object.fromEntries(unmapped.values.map((v) => [v.raw, 'not-stated'])) };
    await ok('mapping:save', { datasetId: overview.datasetId, mapping });
    eventsSeen = [];
    const second = await ok('analysis:run', { jobId: 'job-analysis-2', datasetId: overview.datasetId });
    expect(second.readFile).toBe(false);
    expect(eventsSeen).toEqual([]);
    const before = first.result.attributes.find((a) => a.column === 'ETHNIC_CATEGORY')!;
    const after = second.result.attributes.find((a) => a.column === 'ETHNIC_CATEGORY')!;
    const moved = unmapped.values.reduce((s, v) => s + v.rows, 0);
    expect(after.special.unmapped).toBe(before.special.unmapped - moved);
    expect(after.special.notStated).toBe(before.special.notStated + moved);
    expect(second.unmapped.find((u) => u.column === 'ETHNIC_CATEGORY')?.values.length ?? 0).toBe(unmapped.more > 0 ? Math.min(MAX_UNMAPPED_VALUES, unmapped.more) : 0);
  });

  it('re-runs from memory against another reference, and reads the file again when the mapped columns change', async () => {
    const wales = await ok('analysis:run', { jobId: 'job-analysis-3', datasetId: overview.datasetId, referenceId: 'census2021-wales' });
    expect(wales.readFile).toBe(false);
    expect(wales.reference).toEqual({ builtIn: 'census2021-wales' });
    const saved = (await ok('mapping:get', { datasetId: overview.datasetId })).mapping;
    await ok('mapping:save', { datasetId: overview.datasetId, mapping: { ...saved, attributes: saved.attributes.filter((_, i) => i === ethnicityIndex) } });
    const narrower = await ok('analysis:run', { jobId: 'job-analysis-4', datasetId: overview.datasetId });
    expect(narrower.readFile).toBe(true);
    expect(narrower.result.attributes.map((a) => a.column)).toEqual(['ETHNIC_CATEGORY']);
    expect((await fails('analysis:run', { jobId: 'job-analysis-5', datasetId: overview.datasetId, referenceId: 'nowhere-2021' })).code).toBe('bad-reference');
  }, 60_000);
});

describe('reference populations', () => {
  it('lists the Census 2021 areas, imports a population CSV and compares with it', async () => {
    const before: ReferenceOption[] = await ok('reference:list', {});
    expect(before.length).toBeGreaterThan(3);
    expect(before.every((r) => r.kind === 'census-2021' && r.summary !== undefined)).toBe(true);
    const file = path.join(dataDir, 'catchment.csv');
    writeFileSync(file, 'attribute,category,count\nsex,Female,5200\nsex,Male,4800\n');
    const imported = await ok('reference:import', { path: file });
    expect(imported).toMatchObject({ id: 'custom:catchment.csv', name: 'catchment', kind: 'imported' });
    expect(imported.description).toContain('catchment.csv');
    const after = await ok('reference:list', {});
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)!.id).toBe('custom:catchment.csv');
    expect(listAuditEvents(deps.db, { type: 'setting.changed' }).length).toBeGreaterThan(0);
    const analysis = await ok('analysis:run', { jobId: 'job-analysis-6', datasetId: overview.datasetId, referenceId: imported.id });
    expect(analysis.readFile).toBe(false);
    expect('custom' in analysis.reference && analysis.reference.custom.name).toBe('catchment');
  });

  it('refuses a bad reference CSV with the file, row and column', async () => {
    const file = path.join(dataDir, 'bad-reference.csv');
    writeFileSync(file, 'attribute,category,count\nsex,Female,5200\nsex,Male,lots\n');
    const error = await fails('reference:import', { path: file });
    expect(error.code).toBe('bad-reference');
    expect(error.location).toEqual({ file: 'bad-reference.csv', row: 2, column: 'count' });
    expect(error.message).not.toContain('lots');
    expect((await fails('reference:import', { path: path.join(dataDir, 'missing.csv') })).code).toBe('file-not-found');
    expect(await ok('reference:list', {})).toHaveLength((await ok('reference:list', {})).length);
  });
});

describe('documentation answers', () => {
  it('round-trips the whole document and recomputes completeness', async () => {
    const empty: AnswersView = await ok('answers:get', { projectId: overview.projectId });
    expect(empty.savedIso).toBeNull();
    expect(empty.answers).toEqual(emptyAnswers());
    expect(empty.completeness).toHaveLength(29);
    const documented = (v: AnswersView) => v.completeness.filter((c) => c.status !== 'missing').length;

    const answers: Answers = {
      ...emptyAnswers(),
      provenance: { summary: 'Synthetic admissions extract for testing.', name: 'Test extract', custodian: { notAvailable: 'No custodian: generated data.' } },
      ethics: { approval: 'Not needed for synthetic data.', legalBasis: { notAvailable: 'Synthetic data.' }, dataProtection: 'No personal data.' },
      itemNotes: {},
    };
    const saved = await ok('answers:save', { projectId: overview.projectId, answers });
    expect(saved.answers).toEqual(answers);
    expect(saved.savedIso).not.toBeNull();
    expect(documented(saved)).toBeGreaterThan(documented(empty));

    const again = await ok('answers:get', { projectId: overview.projectId });
    expect(again.answers).toEqual(answers);
    expect(again.completeness).toEqual(saved.completeness);

    // Removing a section removes it, and saving the same document again writes nothing new.
    const { ethics: _dropped, ...withoutEthics } = answers;
    await ok('answers:save', { projectId: overview.projectId, answers: withoutEthics as Answers });
    const events = listAuditEvents(deps.db, { type: 'answer.saved' }).length;
    const fewer = await ok('answers:save', { projectId: overview.projectId, answers: withoutEthics as Answers });
    expect(fewer.answers).toEqual(withoutEthics);
    expect(listAuditEvents(deps.db, { type: 'answer.saved' })).toHaveLength(events);
    expect(documented(fewer)).toBeLessThan(documented(saved));
  });

  it('reports the same completeness per item as the report built from the analysis', async () => {
    // The full suggested mapping: intersections, outcomes and periods as well as representation.
    expect(suggested.mapping.attributes.length).toBeGreaterThan(1);
    expect(suggested.mapping.outcome?.column).toBe('OUTCOME_30D');
    expect(suggested.mapping.period?.column).toBe('ADMISSION_DATE');
    await ok('mapping:save', { datasetId: overview.datasetId, mapping: suggested.mapping });
    const view = await ok('answers:get', { projectId: overview.projectId });
    const analysis = await ok('analysis:run', { jobId: 'job-analysis-8', datasetId: overview.datasetId });
    expect(analysis.result.intersections.length).toBeGreaterThan(0);
    const report = buildReport({
      dataset: { name: overview.file.name, sizeBytes: overview.file.sizeBytes, modifiedIso: overview.file.modifiedIso, sha256: overview.file.sha256 },
      sections: sectionsFromAnalysis(analysis.result),
      answers: view.answers,
      policy: presetPolicy(PRESET_IDS[0]),
      appVersion: '0.0.0-test',
      createdAt: new Date().toISOString(),
    });
    expect(view.completeness).toEqual(report.completeness);
  });

  it('refuses a blank answer, naming the field', async () => {
    const error = await fails('answers:save', { projectId: overview.projectId, answers: { ...emptyAnswers(), provenance: { summary: '   ' } } as Answers });
    expect(error.code).toBe('bad-answers');
    expect(error.message).toContain('provenance.summary');
  });
});

describe('the same file profiled again', () => {
  it('joins the same project, keeps one recent entry and inherits the saved mapping', async () => {
    const again = await ok('profile:run', { jobId: 'job-profile-2', path: csvPath });
    expect(again.projectId).toBe(overview.projectId);
    expect(again.datasetId).not.toBe(overview.datasetId);
    const recent = await ok('dataset:recent', {});
    expect(recent.map((r) => r.datasetId)).toEqual([again.datasetId]);
    expect((await ok('mapping:get', { datasetId: again.datasetId })).source).toBe('saved');
  }, 60_000);
});

describe('a file that changed on disk', () => {
  it('is refused with file-changed, by open and by analysis', async () => {
    const later = new Date(Date.now() + 60_000);
    utimesSync(csvPath, later, later);
    const opened = await fails('dataset:open', { datasetId: overview.datasetId });
    expect(opened.code).toBe('file-changed');
    expect(opened.location.file).toBe('extract.csv');
    expect((await fails('analysis:run', { jobId: 'job-analysis-7', datasetId: overview.datasetId })).code).toBe('file-changed');
  });

  it('is refused with file-changed when the file is gone', async () => {
    const moved = `${csvPath}.moved`;
    renameSync(csvPath, moved);
    try {
      const error = await fails('dataset:open', { datasetId: overview.datasetId });
      expect(error.code).toBe('file-changed');
      expect(error.found).toContain('no file there');
    } finally {
      renameSync(moved, csvPath);
    }
  });
});

describe('privacy of the store', () => {
  it('holds no row-level value: not the planted NHS number, diagnosis or BMI, nor any date of birth', async () => {
    // The full profile does carry some of them (a frequency table, a maximum): the store must not.
    const profile = JSON.stringify(await deps.profileFile(csvPath, { onProgress: () => undefined, signal: new AbortController().signal }));
    expect(profile).toContain(PLANTED.bmi);
    deps.db.close();
    const bytes = readdirSync(home)
      .filter((f) => f.startsWith('represent.db'))
      .map((f) => readFileSync(path.join(home, f)));
    expect(bytes.length).toBeGreaterThan(0);
    const all = Buffer.concat(bytes);
    expect(all.length).toBeGreaterThan(10_000);
    // The store does hold the file's name (a sanity check that the search works on these bytes).
    expect(all.includes(Buffer.from('extract.csv'))).toBe(true);
    for (const value of [PLANTED.nhsNumber, PLANTED.diagnosis, PLANTED.bmi]) expect(all.includes(Buffer.from(value)), value).toBe(false);
    const text = readFileSync(csvPath, 'utf8');
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
    const dob = parsed[0]!.indexOf('PERSON_BIRTH_DATE');
    for (const row of parsed.slice(1, 200)) expect(all.includes(Buffer.from(row[dob]!)), 'a date of birth').toBe(false);
  });
});

describe('RecentCache (the bound on row-level memory)', () => {
  it('keeps only the most recently used entries', () => {
    const cache = new RecentCache<number>(4);
    for (let i = 0; i < 5; i++) cache.set(`k${i}`, i);
    expect(cache.keys()).toEqual(['k1', 'k2', 'k3', 'k4']);
    expect(cache.get('k1')).toBe(1);
    cache.set('k5', 5);
    expect(cache.keys()).toEqual(['k3', 'k4', 'k1', 'k5']);
    expect(cache.get('k0')).toBeUndefined();
  });
});

function withoutValueMap(mapping: MappingDocument, index: number): MappingDocument {
  const copy = structuredClone(mapping);
  const { valueMap: _unused, ...rest } = copy.attributes[index]!;
  copy.attributes[index] = rest;
  return copy;
}

describe('dataset:open is audited', () => {
  it('moves the dataset to the top of the recent list and writes a dataset opened event; a refused opening writes none', async () => {
    // Its own home: the store above is closed by the privacy test.
    const ownHome = mkdtempSync(path.join(os.tmpdir(), 'represent-open-home-'));
    const ownDeps = createNodeApiDeps({
      appInfo: { name: 'Represent', version: '0.0.0-test', offline: true },
      chooseDataFile: async () => null,
      chooseSavePath: async () => null,
      chooseBundle: async () => null,
      home: ownHome,
      workers: 1,
    });
    const run = async <C extends ApiChannel>(channel: C, request: ApiRequest<C>) => (await dispatchApiCall(ownDeps, channel, request, ctx())) as ApiResult<ApiResponse<C>>;
    try {
      const second = path.join(dataDir, 'second.csv');
      writeFileSync(second, 'ETHNIC_CATEGORY,SEX\nA,1\nB,2\nC,1\n');
      const first = await run('profile:run', { jobId: 'job-open-1', path: csvPath });
      const other = await run('profile:run', { jobId: 'job-open-2', path: second });
      if (!first.ok || !other.ok) throw new Error('profiling failed');
      const recent = await run('dataset:recent', {});
      expect(recent.ok && recent.value.map((r) => r.datasetId)).toEqual([other.value.datasetId, first.value.datasetId]);

      const opened = await run('dataset:open', { datasetId: first.value.datasetId });
      expect(opened.ok && opened.value).toEqual(first.value);
      const after = await run('dataset:recent', {});
      expect(after.ok && after.value.map((r) => r.datasetId)).toEqual([first.value.datasetId, other.value.datasetId]);
      const events = listAuditEvents(ownDeps.db, { type: 'dataset.opened' });
      const last = events.at(-1)!;
      expect(last.subject).toBe(first.value.datasetId);
      expect(JSON.parse(last.detailsJson)).toEqual({ datasetId: first.value.datasetId, fileName: 'extract.csv', sizeBytes: first.value.file.sizeBytes, sha256: first.value.file.sha256, reopened: true });
      expect(events).toHaveLength(3);

      // A file that changed since it was profiled is refused, and nothing is recorded.
      const later = new Date(Date.now() + 120_000);
      utimesSync(second, later, later);
      const refused = await run('dataset:open', { datasetId: other.value.datasetId });
      expect(refused.ok).toBe(false);
      expect(listAuditEvents(ownDeps.db, { type: 'dataset.opened' })).toHaveLength(3);
      const { verifyAuditLog } = await import('../../../main/store/audit-log');
      expect(verifyAuditLog(ownDeps.db).ok).toBe(true);
    } finally {
      ownDeps.db.close();
    }
  }, 60_000);
});
