// STANDING Together 1.2b, how each attribute was recorded: one block per mapped attribute (and any
// the answers already name), each with the recording method, the coding scheme and any recoding,
// or "not available" for the whole item.
import type { Answers, AttributeRecording, RecordingMethod, TextAnswer } from '../../../../shared/report/answers';
import { RECORDING_METHODS } from '../../../../shared/report/answers';
import { RECORDING_LABELS } from '../../../../shared/report/format';
import { updateRecording } from '../../analysis/documentation';
import { AnswerField } from './AnswerField';
import { NotAvailableField } from './NotAvailableField';

export interface AttributeRecordingsAnswerProps {
  idPrefix: string;
  answers: Answers;
  /** Attributes the mapping names, in mapping order. */
  attributes: string[];
  onAnswers(change: (a: Answers) => Answers): void;
}

export function AttributeRecordingsAnswer({ idPrefix, answers, attributes, onAnswers }: AttributeRecordingsAnswerProps) {
  const list = answers.attributes;
  const wholeNotAvailable = list !== null && list !== undefined && !Array.isArray(list);
  const recorded = Array.isArray(list) ? list : [];
  const names = [...attributes, ...recorded.map((r) => r.attribute).filter((n) => !attributes.includes(n))];
  const questionId = `${idPrefix}-question`;
  return (
    <div className="nhsuk-form-group">
      <p className="nhsuk-label nhsuk-label--s" id={questionId}>
        How was each attribute recorded?
      </p>
      <NotAvailableField
        id={`${idPrefix}-all`}
        checked={wholeNotAvailable}
        reason={wholeNotAvailable ? list.notAvailable : ''}
        describedBy={questionId}
        onToggle={(checked) => onAnswers((a) => ({ ...a, attributes: checked ? { notAvailable: '' } : [] }))}
        onReason={(reason) => onAnswers((a) => ({ ...a, attributes: { notAvailable: reason } }))}
      />
      {!wholeNotAvailable && names.length === 0 && <p>No attribute is mapped yet. Map attributes on the Mapping page to describe them here.</p>}
      {!wholeNotAvailable &&
        names.map((name, i) => (
          <OneAttribute key={name} id={`${idPrefix}-${i}`} name={name} recording={recorded.find((r) => r.attribute === name)} onAnswers={onAnswers} />
        ))}
    </div>
  );
}

function OneAttribute({ id, name, recording, onAnswers }: { id: string; name: string; recording: AttributeRecording | undefined; onAnswers(change: (a: Answers) => Answers): void }) {
  const set = (change: Partial<Omit<AttributeRecording, 'attribute'>>) => onAnswers((a) => updateRecording(a, name, change));
  const method = recording?.recording ?? null;
  const methodNotAvailable = method !== null && typeof method === 'object';
  const methodLabel = `${id}-method-label`;
  return (
    <div className="app-item">
      <h4 className="nhsuk-heading-s">{name}</h4>
      <div className="nhsuk-form-group">
        {methodNotAvailable ? (
          <p className="nhsuk-label nhsuk-label--s" id={methodLabel}>
            How was {name} recorded?
          </p>
        ) : (
          <label className="nhsuk-label nhsuk-label--s" htmlFor={`${id}-method`} id={methodLabel}>
            How was {name} recorded?
          </label>
        )}
        {!methodNotAvailable && (
          <select className="nhsuk-select" id={`${id}-method`} value={typeof method === 'string' ? method : ''} onChange={(e) => set({ recording: e.target.value === '' ? null : (e.target.value as RecordingMethod) })}>
            <option value="">Not answered yet</option>
            {RECORDING_METHODS.map((m) => (
              <option key={m} value={m}>
                {RECORDING_LABELS[m] ?? m}
              </option>
            ))}
          </select>
        )}
        <NotAvailableField
          id={`${id}-method`}
          checked={methodNotAvailable}
          reason={methodNotAvailable ? method.notAvailable : ''}
          describedBy={methodLabel}
          onToggle={(checked) => set({ recording: checked ? { notAvailable: '' } : null })}
          onReason={(reason) => set({ recording: { notAvailable: reason } })}
        />
      </div>
      <AnswerField id={`${id}-scheme`} label={`Which coding scheme and version was used for ${name}?`} value={recording?.codingScheme} onChange={(v: TextAnswer) => set({ codingScheme: v })} />
      <AnswerField id={`${id}-recoding`} label={`Were ${name} categories recoded or merged? How, and why?`} value={recording?.recoding} onChange={(v: TextAnswer) => set({ recoding: v })} />
      <AnswerField
        id={`${id}-missing`}
        label={`Why are some ${name} values not stated or not known? (optional)`}
        value={recording?.missingReasons}
        onChange={(v: TextAnswer) => set({ missingReasons: v })}
      />
    </div>
  );
}
