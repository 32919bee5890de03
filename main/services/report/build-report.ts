// Assembles a standards report for a file on disk: its fingerprint, the report sections (true
// statistics, protected inside buildReport), the curator's answers and the policy.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { RepresentError } from '../../../shared/errors';
import type { Policy, StatisticInput } from '../../../shared/disclosure';
import { findCustomDistribution, getReference, type CustomReference } from '../../../shared/reference';
import type { AttributeKind } from '../../../shared/demographics';
import { buildReport, emptyAnswers, parseAnswersText, type Answers, type ReportSectionInput, type StandardsReport } from '../../../shared/report';
import { APP_VERSION } from '../app-version';
import { statInputFile } from '../file-access';
import { sha256File } from '../fingerprint';

export interface DatasetFingerprint {
  name: string;
  sizeBytes: number;
  modifiedIso: string;
  sha256: string;
}

export async function fingerprintFile(file: string, signal?: AbortSignal): Promise<DatasetFingerprint> {
  const opened = await statInputFile(file);
  return { name: opened.label, sizeBytes: opened.sizeBytes, modifiedIso: opened.modifiedIso, sha256: await sha256File(opened.path, signal) };
}

export async function readAnswersFile(file: string): Promise<Answers> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    throw new RepresentError('file-not-found', 'The answers file could not be read.', { location: { file } });
  }
  return parseAnswersText(text, path.basename(file));
}

// A statistics file: report sections as JSON, with references named by id rather than inlined.
const SectionFileSchema = z.object({
  sections: z.array(
    z.object({
      role: z.enum(['overview', 'representation', 'intersection', 'period', 'site', 'missingness', 'outcome']),
      statistic: z.looseObject({ kind: z.string(), id: z.string(), title: z.string() }),
      reference: z.object({ id: z.string(), attribute: z.string(), scheme: z.string() }).optional(),
      variable: z.string().optional(),
    }),
  ),
});

/**
 * Reads a statistics file ({"sections": [...]}), resolving references by id: built-in ones, and the
 * imported population given alongside (its id is "custom:" and its file name).
 */
export async function readSectionsFile(file: string, customReference?: CustomReference): Promise<ReportSectionInput[]> {
  let json: unknown;
  try {
    json = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch {
    throw new RepresentError('bad-argument', 'The statistics file could not be read as JSON.', { expected: 'a JSON file with a "sections" list', location: { file } });
  }
  const parsed = SectionFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RepresentError('bad-argument', 'The statistics file does not have the expected shape.', {
      expected: '{"sections": [{"role", "statistic", "reference"?, "variable"?}]}',
      found: `a problem at ${issue ? issue.path.map(String).join('.') || 'the top level' : 'the top level'}`,
      location: { file },
    });
  }
  return parsed.data.sections.map((s) => {
    const section: ReportSectionInput = { role: s.role, statistic: s.statistic as unknown as StatisticInput };
    if (s.reference) section.reference = resolveSectionReference(s.reference, customReference, file);
    if (s.variable !== undefined) section.variable = s.variable;
    return section;
  });
}

function resolveSectionReference(ref: { id: string; attribute: string; scheme: string }, custom: CustomReference | undefined, file: string) {
  const attribute = ref.attribute as AttributeKind;
  if (!custom || ref.id !== custom.id) return getReference(ref.id, attribute, ref.scheme);
  const found = findCustomDistribution(custom, attribute, ref.scheme);
  if (!found)
    throw new RepresentError('bad-reference', 'The reference population file has no figures for a section of the statistics file.', {
      expected: `${custom.fileName} with ${attribute} figures in ${ref.scheme}`,
      found: 'no such attribute and category set in it',
      location: { file: path.basename(file) },
    });
  return found;
}

export function assembleReport(input: { dataset: DatasetFingerprint; sections: ReportSectionInput[]; answers?: Answers; policy: Policy; title?: string; now?: Date }): StandardsReport {
  return buildReport({
    ...(input.title ? { title: input.title } : {}),
    dataset: input.dataset,
    sections: input.sections,
    answers: input.answers ?? emptyAnswers(),
    policy: input.policy,
    appVersion: APP_VERSION,
    createdAt: (input.now ?? new Date()).toISOString(),
  });
}
