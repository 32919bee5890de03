// Writing the report folder: whole or not at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { presetPolicy } from '../../../shared/disclosure';
import { buildReport, type StandardsReport } from '../../../shared/report';
import { writeReportFolder } from '../../../main/services/report/write-report';
import { RepresentError } from '../../../shared/errors';
import { syntheticReport } from '../../unit/report/synthetic-report';

describe('writeReportFolder', () => {
  let dir: string;
  let report: StandardsReport;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'represent-write-report-'));
    const s = syntheticReport(400, 11);
    report = buildReport({ ...s.input, policy: presetPolicy('acro-default') });
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const hidden = async () => (await readdir(dir)).filter((n) => n.startsWith('.'));

  it('writes into an empty existing folder, and returns every file with its SHA-256', async () => {
    const out = path.join(dir, 'empty');
    await mkdir(out);
    const w = await writeReportFolder(report, out);
    expect(w.files.map((f) => f.name)).toContain('report.html');
    expect(w.files.every((f) => /^[0-9a-f]{64}$/.test(f.sha256))).toBe(true);
    expect((await readdir(out)).sort()).toEqual(['report.html', 'report.json', 'report.md', 'tables']);
    expect(await hidden()).toEqual([]);
  });

  it('a failed render leaves no folder and no temp files', async () => {
    const out = path.join(dir, 'broken');
    const broken = { ...report, representation: [{ ...report.representation[0]!, rows: null }] } as unknown as StandardsReport;
    await expect(writeReportFolder(broken, out)).rejects.toThrow();
    await expect(readdir(out)).rejects.toThrow();
    expect(await hidden()).toEqual([]);
  });

  it('keeps the old folder intact when a forced rewrite fails', async () => {
    const out = path.join(dir, 'kept');
    await mkdir(out);
    await writeFile(path.join(out, 'old.txt'), 'previous report');
    const err = await writeReportFolder(report, out).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RepresentError);
    expect((err as RepresentError).code).toBe('output-exists');
    const broken = { ...report, intersections: [{ ...report.intersections[0]!, cells: 5 }] } as unknown as StandardsReport;
    await expect(writeReportFolder(broken, out, { force: true })).rejects.toThrow();
    expect(await readFile(path.join(out, 'old.txt'), 'utf8')).toBe('previous report');
    await writeReportFolder(report, out, { force: true });
    expect((await readdir(out)).includes('old.txt')).toBe(false);
    expect(await hidden()).toEqual([]);
  });
});
