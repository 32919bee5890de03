// One mapped column on the Mapping page: what the detector thought, the attribute kind and code
// scheme (the schemes offered are those for the kind), the settings some schemes need, a coarser
// grouping, and the values the last analysis could not place.
import { memo, useMemo } from 'react';
import type { AttributeSuggestion, UnmappedValues } from '../../../../shared/api';
import { ATTRIBUTE_KIND_LABELS, DEPRIVATION_DIRECTIONS, DEPRIVATION_EDITIONS, DEPRIVATION_UNITS, type AttributeKind, type DeprivationUnit } from '../../../../shared/demographics/attributes';
import type { AttributeMapping } from '../../../../shared/demographics/mapping-document';
import { getScheme, schemesForKind } from '../../../../shared/demographics/schemes';
import {
  assignValue,
  assignmentOptions,
  changeDeprivationUnit,
  changeKind,
  changeScheme,
  confidenceText,
  DEFAULT_DEPRIVATION,
  groupingOptions,
  isoDay,
  kindOptions,
} from '../../analysis/mapping-edit';
import { unmappedRows } from '../../analysis/unmapped';
import { UnmappedValuesTable } from './UnmappedValuesTable';

const KIND_OPTIONS = kindOptions();
const DIRECTION_WORDS: Record<(typeof DEPRIVATION_DIRECTIONS)[number], string> = {
  '1-is-most-deprived': '1 is the most deprived (the official convention)',
  '1-is-least-deprived': '1 is the least deprived',
};

export interface AttributeMappingFieldsetProps {
  index: number;
  attribute: AttributeMapping;
  suggestion: AttributeSuggestion | undefined;
  /** Unmapped values from the last analysis; null when there has been none yet. */
  unmapped: UnmappedValues[] | null;
  onChange(index: number, attribute: AttributeMapping): void;
  onRemove(index: number): void;
}

export const AttributeMappingFieldset = memo(function AttributeMappingFieldset({ index, attribute, suggestion, unmapped, onChange, onRemove }: AttributeMappingFieldsetProps) {
  const id = `attr-${index}`;
  const today = isoDay(new Date());
  const scheme = getScheme(attribute.scheme);
  const schemes = useMemo(() => schemesForKind(attribute.kind), [attribute.kind]);
  const groupings = useMemo(() => groupingOptions(attribute), [attribute]);
  const targets = useMemo(() => assignmentOptions(attribute), [attribute]);
  const values = useMemo(() => unmappedRows(attribute, unmapped), [attribute, unmapped]);
  const confidence = suggestion ? confidenceText(suggestion.confidence) : null;
  const set = (next: AttributeMapping) => onChange(index, next);

  return (
    <fieldset className="nhsuk-fieldset app-item" aria-describedby={suggestion ? `${id}-detected` : undefined}>
      <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
        <h2 className="nhsuk-fieldset__heading">Column "{attribute.column}"</h2>
      </legend>
      {suggestion && confidence && (
        <p className="nhsuk-body-s" id={`${id}-detected`}>
          Detected as {ATTRIBUTE_KIND_LABELS[suggestion.kind as AttributeKind] ?? suggestion.kind}, {getScheme(suggestion.scheme)?.label ?? suggestion.scheme}:{' '}
          <strong className={`nhsuk-tag ${confidence.level === 'high' ? 'nhsuk-tag--green' : confidence.level === 'medium' ? 'nhsuk-tag--yellow' : 'nhsuk-tag--orange'}`}>{confidence.text}</strong>{' '}
          {suggestion.reason}
        </p>
      )}
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor={`${id}-kind`}>
          Attribute
        </label>
        <select className="nhsuk-select" id={`${id}-kind`} value={attribute.kind} onChange={(e) => set(changeKind(attribute, e.target.value as AttributeKind, today))}>
          {KIND_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      {attribute.kind === 'other' && (
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor={`${id}-label`}>
            What the attribute is (optional)
          </label>
          <div className="nhsuk-hint" id={`${id}-label-hint`}>
            For example language, religion or site
          </div>
          <input
            className="nhsuk-input nhsuk-input--width-20"
            id={`${id}-label`}
            type="text"
            maxLength={100}
            aria-describedby={`${id}-label-hint`}
            value={attribute.label ?? ''}
            onChange={(e) => {
              const { label: _old, ...rest } = attribute;
              set(e.target.value.trim() === '' ? rest : { ...rest, label: e.target.value });
            }}
          />
        </div>
      )}
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor={`${id}-scheme`}>
          Code scheme
        </label>
        <div className="nhsuk-hint" id={`${id}-scheme-hint`}>
          How the values in this column are coded
        </div>
        <select
          className="nhsuk-select"
          id={`${id}-scheme`}
          aria-describedby={`${id}-scheme-hint`}
          value={attribute.scheme}
          onChange={(e) => set(changeScheme(attribute, e.target.value, today))}
        >
          {!scheme && <option value={attribute.scheme}>Unknown scheme: choose another</option>}
          {schemes.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
      {scheme?.requires === 'referenceDate' && (
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor={`${id}-date`}>
            Work out ages at this date
          </label>
          <div className="nhsuk-hint" id={`${id}-date-hint`}>
            Usually the date the extract was taken
          </div>
          <input
            className="nhsuk-input nhsuk-input--width-10"
            id={`${id}-date`}
            type="date"
            aria-describedby={`${id}-date-hint`}
            value={attribute.referenceDate ?? ''}
            onChange={(e) => set({ ...attribute, referenceDate: e.target.value })}
          />
        </div>
      )}
      {scheme?.requires === 'deprivation' && (
        <>
          <DeprivationSelect id={`${id}-edition`} label="Edition" value={attribute.deprivation?.edition ?? DEFAULT_DEPRIVATION.edition} options={DEPRIVATION_EDITIONS.map((e) => ({ value: e, label: e === 'other' ? 'Another edition' : e }))} onChange={(edition) => set({ ...attribute, deprivation: { ...DEFAULT_DEPRIVATION, ...attribute.deprivation, edition: edition as (typeof DEPRIVATION_EDITIONS)[number] } })} />
          <DeprivationSelect id={`${id}-unit`} label="Deciles or quintiles" value={attribute.deprivation?.unit ?? DEFAULT_DEPRIVATION.unit} options={DEPRIVATION_UNITS.map((u) => ({ value: u, label: u === 'decile' ? 'Deciles (1 to 10)' : 'Quintiles (1 to 5)' }))} onChange={(unit) => set(changeDeprivationUnit(attribute, unit as DeprivationUnit))} />
          <DeprivationSelect id={`${id}-direction`} label="What 1 means" value={attribute.deprivation?.direction ?? DEFAULT_DEPRIVATION.direction} options={DEPRIVATION_DIRECTIONS.map((d) => ({ value: d, label: DIRECTION_WORDS[d] }))} onChange={(direction) => set({ ...attribute, deprivation: { ...DEFAULT_DEPRIVATION, ...attribute.deprivation, direction: direction as (typeof DEPRIVATION_DIRECTIONS)[number] } })} />
        </>
      )}
      {groupings.length > 0 && (
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor={`${id}-grouping`}>
            Report in
          </label>
          <select
            className="nhsuk-select"
            id={`${id}-grouping`}
            value={attribute.grouping ?? ''}
            onChange={(e) => {
              const { grouping: _old, ...rest } = attribute;
              set(e.target.value === '' ? rest : { ...rest, grouping: e.target.value });
            }}
          >
            <option value="">The scheme's own categories</option>
            {groupings.map((g) => (
              <option key={g.value} value={g.value}>
                {g.label}
              </option>
            ))}
          </select>
        </div>
      )}
      {unmapped === null ? null : values.rows.length === 0 ? (
        <p className="nhsuk-body-s">The last analysis placed every value of this column in a category.</p>
      ) : (
        <UnmappedValuesTable idPrefix={id} column={attribute.column} rows={values.rows} more={values.more} options={targets} onAssign={(raw, category) => set(assignValue(attribute, raw, category))} />
      )}
      <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={() => onRemove(index)}>
        Stop using "{attribute.column}" as an attribute
      </button>
    </fieldset>
  );
});

function DeprivationSelect({ id, label, value, options, onChange }: { id: string; label: string; value: string; options: { value: string; label: string }[]; onChange(value: string): void }) {
  return (
    <div className="nhsuk-form-group">
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      <select className="nhsuk-select" id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
