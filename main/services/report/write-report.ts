// Writes a standards report folder so that it appears complete or not at all: every file is
// rendered and screened in memory, written to a temporary folder beside the target, and the
// folder is renamed into place. A failed render, a screen finding, a full disk or a killed
// process leaves no half-written report (at most a hidden temp folder, removed when we can).

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { RepresentError } from '../../../shared/errors';
import { screenExport, type ScreenResult } from '../../../shared/disclosure';
import { renderReportFiles, type RenderedFile, type StandardsReport } from '../../../shared/report';
import { htmlToPdf, type PdfOutcome } from './pdf';
import { describeScreenFinding } from './screen-findings';

export interface WriteReportOptions {
  /** Replace an existing, non-empty output folder. */
  force?: boolean;
  /** Also print report.pdf with headless Chromium when one is installed (default false). */
  pdf?: boolean;
  chromiumPath?: string;
}

export interface WrittenReport {
  dir: string;
  files: { name: string; sha256: string; bytes: number }[];
  screen: ScreenResult;
  pdf: PdfOutcome | null;
}

async function isNonEmptyDir(dir: string): Promise<boolean> {
  try {
    const stat = await fs.stat(dir);
    if (!stat.isDirectory())
      throw new RepresentError('output-exists', 'The output path exists and is not a folder.', { expected: 'a new or empty folder', found: 'a file', location: { file: dir } });
    return (await fs.readdir(dir)).length > 0;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
}

/** Screens rendered files against the report's policy; throws `screen-failed` on any finding. */
export function screenReportFiles(files: readonly RenderedFile[], report: StandardsReport): ScreenResult {
  const screen = screenExport({ files }, report.policy.parameters);
  if (screen.findings.length > 0) {
    const list = screen.findings
      .slice(0, 10)
      .map(describeScreenFinding)
      .join('; ');
    throw new RepresentError('screen-failed', `The export screen found ${screen.findings.length} problem${screen.findings.length > 1 ? 's' : ''} in the rendered report, so nothing was written: ${list}.`, {
      expected: 'no findings',
      found: `${screen.findings.length} finding${screen.findings.length > 1 ? 's' : ''}`,
    });
  }
  return screen;
}

export async function writeReportFolder(report: StandardsReport, outDir: string, options: WriteReportOptions = {}): Promise<WrittenReport> {
  const target = path.resolve(outDir);
  if (!options.force && (await isNonEmptyDir(target)))
    throw new RepresentError('output-exists', 'The output folder exists and is not empty; it was left as it was.', {
      expected: 'a new or empty folder, or --force to replace it',
      found: 'a folder with files in it',
      location: { file: outDir },
    });
  // Render and screen everything before touching the disk.
  const files = renderReportFiles(report);
  const screen = screenReportFiles(files, report);

  const parent = path.dirname(target);
  await fs.mkdir(parent, { recursive: true });
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const temp = path.join(parent, `.${path.basename(target)}.tmp-${tag}`);
  const old = path.join(parent, `.${path.basename(target)}.old-${tag}`);
  let moved = false;
  try {
    await fs.mkdir(temp);
    const written: WrittenReport['files'] = [];
    for (const f of files) {
      const file = path.join(temp, ...f.name.split('/'));
      await fs.mkdir(path.dirname(file), { recursive: true });
      const bytes = Buffer.from(f.text, 'utf8');
      await fs.writeFile(file, bytes, { flag: 'wx' });
      written.push({ name: f.name, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length });
    }
    let pdf: PdfOutcome | null = null;
    if (options.pdf) {
      const html = files.find((f) => f.name === 'report.html')!.text;
      pdf = await htmlToPdf(html, path.join(temp, 'report.pdf'), { chromiumPath: options.chromiumPath });
      if (pdf.written) written.push({ name: 'report.pdf', sha256: createHash('sha256').update(await fs.readFile(path.join(temp, 'report.pdf'))).digest('hex'), bytes: pdf.bytes });
    }
    // Swap into place: an existing folder (with --force) is moved aside first and removed after.
    const exists = await fs.stat(target).then(() => true, () => false);
    if (exists) {
      await fs.rename(target, old);
      moved = true;
    }
    await fs.rename(temp, target);
    if (moved) await fs.rm(old, { recursive: true, force: true });
    return { dir: target, files: written, screen, pdf };
  } catch (e) {
    await fs.rm(temp, { recursive: true, force: true }).catch(() => undefined);
    if (moved) await fs.rename(old, target).catch(() => undefined);
    throw e;
  }
}
