// `represent answers`: start an answers file, check one, or print its JSON Schema.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { RepresentError } from '../../../shared/errors';
import { answersJsonSchema, answersTemplate, parseAnswersText } from '../../../shared/report';
import { catalogueCompleteness } from '../../../shared/standards';
import { fieldState } from '../../../shared/report';
import { ExitCode } from '../exit-codes';
import { parseCommandArgs, UsageError, type Command } from '../command';

export const answersCommand: Command = {
  name: 'answers',
  summary: 'Start, check or describe a STANDING Together answers file.',
  usage: `
Usage: represent answers template > answers.json
       represent answers check FILE
       represent answers schema > answers.schema.json

  template  prints an answers file with every question present and null (not answered yet).
            Answer with text, or with {"notAvailable": "reason"}: a blank is not an answer.
  check     validates FILE and lists which items it answers (errors name the item and field)
  schema    prints the JSON Schema (draft 2020-12) of answers files
`,
  async run(argv, io) {
    const { positionals } = parseCommandArgs(argv, {});
    const [action, ...rest] = positionals;
    if (action === 'template') {
      if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}".`);
      io.stdout.write(JSON.stringify(answersTemplate(), null, 2) + '\n');
      return ExitCode.ok;
    }
    if (action === 'schema') {
      io.stdout.write(JSON.stringify(answersJsonSchema(), null, 2) + '\n');
      return ExitCode.ok;
    }
    if (action === 'check') {
      if (rest.length !== 1) throw new UsageError('give exactly one answers FILE.');
      const file = rest[0]!;
      const text = await fs.readFile(file, 'utf8').catch(() => {
        throw new RepresentError('file-not-found', 'The answers file could not be read.', { location: { file } });
      });
      const answers = parseAnswersText(text, path.basename(file));
      const states = catalogueCompleteness({ fieldState: (p) => fieldState(answers, p), outputsPresent: new Set(), notedItems: new Set(Object.keys(answers.itemNotes ?? {})) });
      const answered = states.filter((s) => s.fields.some((f) => f.state !== 'missing'));
      io.stdout.write(`The answers file is valid. It answers (fully or in part) ${answered.length} of ${states.length} items${answered.length > 0 ? `: ${answered.map((s) => s.itemId).join(', ')}` : ''}.\n`);
      return ExitCode.ok;
    }
    throw new UsageError(action ? `unknown action "${action}".` : 'an action is required: template, check or schema.');
  },
};
