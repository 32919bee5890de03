// STANDING Together 1.2c, groups at risk in this context: a list the analyst builds (the group,
// why it is at risk, how the data captures it), or "not available" for the whole item.
import type { Answers, TextAnswer } from '../../../../shared/report/answers';
import { addGroup, groupsOf, removeGroup, updateGroup } from '../../analysis/documentation';
import { AnswerField } from './AnswerField';
import { NotAvailableField } from './NotAvailableField';

export function GroupsAtRiskAnswer({ idPrefix, answers, onAnswers }: { idPrefix: string; answers: Answers; onAnswers(change: (a: Answers) => Answers): void }) {
  const value = answers.groupsAtRisk;
  const wholeNotAvailable = value !== null && value !== undefined && !Array.isArray(value);
  const groups = groupsOf(answers);
  const questionId = `${idPrefix}-question`;
  return (
    <div className="nhsuk-form-group">
      <p className="nhsuk-label nhsuk-label--s" id={questionId}>
        Which groups are at risk of worse outcomes here?
      </p>
      <NotAvailableField
        id={`${idPrefix}-all`}
        checked={wholeNotAvailable}
        reason={wholeNotAvailable ? value.notAvailable : ''}
        describedBy={questionId}
        onToggle={(checked) => onAnswers((a) => ({ ...a, groupsAtRisk: checked ? { notAvailable: '' } : [] }))}
        onReason={(reason) => onAnswers((a) => ({ ...a, groupsAtRisk: { notAvailable: reason } }))}
      />
      {!wholeNotAvailable && (
        <>
          {groups.map((g, i) => {
            const id = `${idPrefix}-${i}`;
            const name = g.group.trim() === '' ? `group ${i + 1}` : g.group;
            return (
              <div className="app-item" key={i}>
                <div className="nhsuk-form-group">
                  <label className="nhsuk-label nhsuk-label--s" htmlFor={`${id}-name`}>
                    Group {i + 1}
                  </label>
                  <div className="nhsuk-hint" id={`${id}-name-hint`}>
                    For example older people living alone, or people whose first language is not English
                  </div>
                  <input
                    className="nhsuk-input"
                    id={`${id}-name`}
                    type="text"
                    maxLength={500}
                    aria-describedby={`${id}-name-hint`}
                    value={g.group}
                    onChange={(e) => onAnswers((a) => updateGroup(a, i, { group: e.target.value }))}
                  />
                </div>
                <AnswerField id={`${id}-why`} label={`Why is ${name} at risk here, and what are your sources?`} value={g.rationale} onChange={(v: TextAnswer) => onAnswers((a) => updateGroup(a, i, { rationale: v }))} />
                <AnswerField id={`${id}-captured`} label={`Which attribute and category capture ${name} in this dataset?`} value={g.captured} onChange={(v: TextAnswer) => onAnswers((a) => updateGroup(a, i, { captured: v }))} />
                <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={() => onAnswers((a) => removeGroup(a, i))}>
                  Remove {name}
                </button>
              </div>
            );
          })}
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => onAnswers(addGroup)}>
            {groups.length === 0 ? 'Add a group' : 'Add another group'}
          </button>
        </>
      )}
    </div>
  );
}
