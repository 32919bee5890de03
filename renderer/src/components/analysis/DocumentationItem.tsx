// One STANDING Together item on the Documentation page: its title and status in words, what it
// asks, the evidence the app has, and its answer fields. Memoised on the answers it shows, so
// typing in one item redraws only that item.
import { memo } from 'react';
import type { Answers } from '../../../../shared/report/answers';
import type { Completeness } from '../../../../shared/standards/completeness';
import { STATUS_LABELS } from '../../../../shared/report/format';
import { setTextAnswer, textAnswerAt, type FormItem } from '../../analysis/documentation';
import { AnswerField } from './AnswerField';
import { AttributeRecordingsAnswer } from './AttributeRecordingsAnswer';
import { EvidencePanel } from './EvidencePanel';
import { GroupsAtRiskAnswer } from './GroupsAtRiskAnswer';
import '../../styles/analysis.css';

export interface DocumentationItemProps {
  formItem: FormItem;
  answers: Answers;
  status: Completeness;
  evidence: readonly string[];
  attributes: string[];
  onAnswers(change: (a: Answers) => Answers): void;
}

const STATUS_TAGS: Record<Completeness, string> = {
  complete: 'nhsuk-tag--green',
  partial: 'nhsuk-tag--yellow',
  'not-available': 'nhsuk-tag--grey',
  missing: 'nhsuk-tag--white',
};

function DocumentationItemView({ formItem, answers, status, evidence, attributes, onAnswers }: DocumentationItemProps) {
  const { item, fields, hints } = formItem;
  const id = `item-${item.id.replace('.', '-')}`;
  return (
    <div className="app-item" id={id}>
      <h3 className="nhsuk-heading-m">
        <span className="nhsuk-caption-m">Item {item.id}</span>
        {item.title} <strong className={`nhsuk-tag ${STATUS_TAGS[status]}`}>{STATUS_LABELS[status]}</strong>
      </h3>
      <p className="nhsuk-body-s">{item.topic}</p>
      {hints.length > 0 && (
        <ul className="nhsuk-list nhsuk-list--bullet nhsuk-body-s">
          {hints.map((h) => (
            <li key={h}>{h}</li>
          ))}
        </ul>
      )}
      <EvidencePanel id={`${id}-evidence`} lines={evidence} />
      {fields.map((f) => {
        if (f.path === 'attributes') return <AttributeRecordingsAnswer key={f.path} idPrefix={`${id}-attributes`} answers={answers} attributes={attributes} onAnswers={onAnswers} />;
        if (f.path === 'groupsAtRisk') return <GroupsAtRiskAnswer key={f.path} idPrefix={`${id}-groups`} answers={answers} onAnswers={onAnswers} />;
        return (
          <AnswerField
            key={f.path}
            id={`answer-${f.path.replace('.', '-')}`}
            label={f.label}
            value={textAnswerAt(answers, f.path)}
            onChange={(v) => {
              const path = f.path;
              onAnswers((a) => setTextAnswer(a, path, v));
            }}
          />
        );
      })}
    </div>
  );
}

/** Same item, same status and evidence, and the same value in every field it shows: nothing to redraw. */
function sameItem(a: DocumentationItemProps, b: DocumentationItemProps): boolean {
  if (a.formItem !== b.formItem || a.status !== b.status || a.evidence !== b.evidence || a.attributes !== b.attributes || a.onAnswers !== b.onAnswers) return false;
  return a.formItem.fields.every((f) =>
    f.path === 'attributes' || f.path === 'groupsAtRisk' ? a.answers[f.path] === b.answers[f.path] : textAnswerAt(a.answers, f.path) === textAnswerAt(b.answers, f.path),
  );
}

export const DocumentationItem = memo(DocumentationItemView, sameItem);
