// The answers behind one item, as labelled lines of text, for the HTML and Markdown renderers.

import { SECTION_TITLES, textAt, type Answers, type AttributeRecording, type GroupAtRisk } from './answers';
import { RECORDING_LABELS, answerText, fieldLabel } from './format';

export interface AnswerLine {
  label: string;
  kind: 'answered' | 'not-available' | 'missing';
  text: string;
}

function attributeLines(a: AttributeRecording): AnswerLine[] {
  const rec = a.recording;
  const recording: AnswerLine =
    rec === null
      ? { label: `${a.attribute}: how recorded`, kind: 'missing', text: 'Not answered yet.' }
      : typeof rec === 'string'
        ? { label: `${a.attribute}: how recorded`, kind: 'answered', text: RECORDING_LABELS[rec] ?? rec }
        : { label: `${a.attribute}: how recorded`, kind: 'not-available', text: `Not available: ${rec.notAvailable}` };
  const lines = [recording, { label: `${a.attribute}: coding scheme and version`, ...answerText(a.codingScheme) }, { label: `${a.attribute}: recoding or merging`, ...answerText(a.recoding) }];
  if (a.missingReasons !== undefined) lines.push({ label: `${a.attribute}: reasons for missing values`, ...answerText(a.missingReasons) });
  return lines;
}

function groupLines(g: GroupAtRisk): AnswerLine[] {
  const lines = [{ label: `${g.group}: why at risk`, ...answerText(g.rationale) }];
  if (g.captured !== undefined) lines.push({ label: `${g.group}: captured in the data as`, ...answerText(g.captured) });
  return lines;
}

export function answerLines(answers: Answers, path: string): AnswerLine[] {
  if (path === 'attributes' || path === 'groupsAtRisk') {
    const v = answers[path];
    const title = SECTION_TITLES[path];
    if (v === null || v === undefined || (Array.isArray(v) && v.length === 0)) return [{ label: title, kind: 'missing', text: 'Not answered yet.' }];
    if (!Array.isArray(v)) return [{ label: title, kind: 'not-available', text: `Not available: ${v.notAvailable}` }];
    return path === 'attributes' ? (v as AttributeRecording[]).flatMap(attributeLines) : (v as GroupAtRisk[]).flatMap(groupLines);
  }
  const [, key] = path.split('.') as [string, string];
  return [{ label: fieldLabel(key), ...answerText(textAt(answers, path)) }];
}
