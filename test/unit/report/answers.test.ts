import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import Ajv2020 from 'ajv/dist/2020';
import { answersJsonSchema, answersTemplate, fieldState, parseAnswers, parseAnswersText } from '../../../shared/report';
import { RepresentError } from '../../../shared/errors';

const schemaFile = path.resolve(__dirname, '../../../shared/report/answers.schema.json');

function errorOf(fn: () => unknown): RepresentError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(RepresentError);
    return e as RepresentError;
  }
  throw new Error('expected an error');
}

describe('answers', () => {
  test('the template is valid, with every question present and unanswered', () => {
    const t = answersTemplate();
    expect(parseAnswers(JSON.parse(JSON.stringify(t)))).toEqual(t);
    expect(fieldState(t, 'provenance.summary')).toBe('missing');
    expect(fieldState(t, 'attributes')).toBe('missing');
  });

  test('the JSON Schema in the repo is the one the zod schema generates, and accepts the template', () => {
    const committed = JSON.parse(readFileSync(schemaFile, 'utf8'));
    expect(committed).toEqual(answersJsonSchema());
    const validate = new Ajv2020({ strict: false }).compile(committed);
    expect(validate(answersTemplate())).toBe(true);
    expect(validate({ format: 'represent-answers', formatVersion: 1, provenance: { summary: '' } })).toBe(false);
  });

  test('"not available" is an answer with a reason; a blank is refused, naming the field and item', () => {
    const ok = parseAnswers({ format: 'represent-answers', formatVersion: 1, ethics: { approval: { notAvailable: 'No REC review: service evaluation.' } } });
    expect(fieldState(ok, 'ethics.approval')).toBe('not-available');
    const blank = errorOf(() => parseAnswers({ format: 'represent-answers', formatVersion: 1, provenance: { summary: '   ' } }, 'a.json'));
    expect(blank.code).toBe('bad-answers');
    expect(blank.message).toContain('"provenance.summary"');
    expect(blank.message).toContain('1.1a');
    expect(blank.message).toContain('a.json');
    const noReason = errorOf(() => parseAnswers({ format: 'represent-answers', formatVersion: 1, ethics: { approval: { notAvailable: '' } } }));
    expect(noReason.message).toContain('ethics.approval');
    expect(noReason.message).toContain('1.4a');
  });

  test('a wrong type names the field and the item', () => {
    const e = errorOf(() => parseAnswers({ format: 'represent-answers', formatVersion: 1, labels: { definition: 42 } }));
    expect(e.message).toContain('"labels.definition"');
    expect(e.message).toContain('1.3f');
    expect(e.message).toContain('wrong type');
    const rec = errorOf(() => parseAnswers({ format: 'represent-answers', formatVersion: 1, attributes: [{ attribute: 'ethnicity', recording: 'guessed', codingScheme: null, recoding: null }] }));
    expect(rec.message).toContain('attributes[0].recording');
    expect(rec.message).toContain('1.2b');
  });

  test('an unknown item ID or field is named', () => {
    const item = errorOf(() => parseAnswers({ format: 'represent-answers', formatVersion: 1, itemNotes: { '1.9z': 'x' } }));
    expect(item.message).toContain('"1.9z"');
    const field = errorOf(() => parseAnswers({ format: 'represent-answers', formatVersion: 1, provenance: { sumary: 'x' } }));
    expect(field.message).toContain('provenance.sumary');
    const json = errorOf(() => parseAnswersText('{ not json', 'b.json'));
    expect(json.message).toContain('b.json');
  });

  test('field states combine per attribute', () => {
    const a = parseAnswers({
      format: 'represent-answers',
      formatVersion: 1,
      attributes: [
        { attribute: 'ethnicity', recording: 'self-reported', codingScheme: 'NHS ETHNIC CATEGORY', recoding: { notAvailable: 'not documented by the source' } },
        { attribute: 'sex', recording: null, codingScheme: null, recoding: null },
      ],
    });
    expect(fieldState(a, 'attributes')).toBe('partial');
  });
});
