// The outputs a checker decides on, as listed in the manifest. They come from the ACRO-compatible
// results.json (one output per uid, with its files, status and exception); a file no output
// lists becomes its own "custom" output with status "review", as SACRO-Viewer treats files without
// ACRO metadata. Each output's status is then the worse of its ACRO status and what the independent
// export screen found in its files, so a reviewer is asked to comment on anything either flagged.
import { RepresentError } from '../../../shared/errors';
import { worst, type Outcome, type ScreenResult } from '../../../shared/disclosure';
import type { ManifestOutput, OutputStatus } from './formats';

interface AcroLike {
  results: Record<string, { status?: unknown; type?: unknown; files?: unknown; summary?: unknown; exception?: unknown }>;
}

function isStatus(s: unknown): s is OutputStatus {
  return s === 'pass' || s === 'fail' || s === 'review';
}

function badResults(found: string): RepresentError {
  return new RepresentError('bad-argument', 'The ACRO results.json does not describe the request’s files.', {
    expected: 'an ACRO 0.4.x results.json whose outputs list files included in the request',
    found,
  });
}

function readAcro(acroResults: unknown, fileNames: ReadonlySet<string>): ManifestOutput[] {
  const acro = acroResults as AcroLike | null;
  if (!acro || typeof acro !== 'object' || !acro.results || typeof acro.results !== 'object') throw badResults('no "results" object');
  const outputs: ManifestOutput[] = [];
  for (const [uid, r] of Object.entries(acro.results)) {
    if (!r || typeof r !== 'object') throw badResults(`output ${uid} that is not an object`);
    if (!isStatus(r.status)) throw badResults(`output ${uid} without a pass, fail or review status`);
    if (!Array.isArray(r.files) || r.files.length === 0) throw badResults(`output ${uid} without files`);
    const files = r.files.map((f: unknown) => (f && typeof f === 'object' ? (f as { name?: unknown }).name : undefined));
    for (const f of files) {
      if (typeof f !== 'string') throw badResults(`output ${uid} with a file entry that has no name`);
      if (!fileNames.has(f)) throw badResults(`output ${uid} lists ${f}, which is not among the request's files`);
    }
    outputs.push({
      id: uid,
      type: typeof r.type === 'string' ? r.type : 'table',
      status: r.status,
      files: [...new Set(files as string[])],
      summary: typeof r.summary === 'string' ? r.summary.slice(0, 2000) : r.status,
      exception: typeof r.exception === 'string' && r.exception.trim() !== '' ? r.exception : null,
    });
  }
  return outputs;
}

export function deriveOutputs(
  fileNames: readonly string[],
  acroResults: unknown,
  screen: ScreenResult,
  exceptions: Readonly<Record<string, string>> = {},
): ManifestOutput[] {
  const names = new Set(fileNames);
  const outputs = acroResults === null || acroResults === undefined ? [] : readAcro(acroResults, names);
  const covered = new Set(outputs.flatMap((o) => o.files));
  for (const name of fileNames)
    if (!covered.has(name))
      outputs.push({ id: name, type: 'custom', status: 'review', files: [name], summary: 'review; a file without ACRO results', exception: null });

  const byFile = new Map<string, Outcome[]>();
  for (const f of screen.findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f.severity]);
  for (const o of outputs) {
    const found = o.files.flatMap((f) => byFile.get(f) ?? []);
    const status = worst(o.status, ...found);
    if (found.length > 0) o.summary = `${o.summary}; export screen: ${found.length} finding(s), ${status}`.slice(0, 2000);
    o.status = status;
    const given = exceptions[o.id];
    if (given !== undefined && given.trim() !== '') o.exception = given.trim();
  }
  return outputs;
}

/**
 * Every output that did not pass needs the requester's exception (reason to release anyway), and
 * a policy that allows no exceptions (UK LLC) refuses a request with any failing output.
 */
export function checkExceptions(outputs: readonly ManifestOutput[], exceptionsAllowed: boolean): void {
  const failing = outputs.filter((o) => o.status === 'fail');
  if (!exceptionsAllowed && failing.length > 0)
    throw new RepresentError('bad-argument', 'The disclosure policy allows no exceptions, and some outputs fail it.', {
      expected: 'every output to pass or need only review',
      found: `${failing.length} failing output(s): ${failing.map((o) => o.id).join(', ')}`,
    });
  const missing = outputs.filter((o) => o.status !== 'pass' && o.exception === null);
  if (missing.length > 0)
    throw new RepresentError('bad-argument', 'Outputs that did not pass need a reason for release (an exception).', {
      expected: 'an exception for each output marked fail or review',
      found: `none for ${missing.map((o) => `${o.id} (${o.status})`).join(', ')}`,
    });
}
