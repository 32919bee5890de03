// Settings: the disclosure policy in force (read-only where the TRE locked it), the local profile
// (name and role), the reviewer's signing key (created under a passphrase; the public key can be
// exported for the TRE to trust), and imported reference populations.
// Passphrases stay in their password fields until the call and are then cleared; never in state.
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { SettingsView } from '../../../shared/api';
import { isPresetId, presetPolicy } from '../../../shared/disclosure';
import { PageHeading } from '../components/PageHeading';
import { PasswordInput, TextInput, readAndClear } from '../components/report/FormFields';
import { PageProblemSummary, formProblems, type PageProblem } from '../components/report/ProblemSummary';
import { SummaryRow } from '../components/report/SuccessPanel';
import { policyParameterLines } from '../report/disclosure-evidence';
import { problemFor } from '../report/form-problems';
import { SETTINGS_FIELDS, checkNewPassphrase, checkProfile, checkReferencePath, publicKeyFileName } from '../report/settings-form';
import type { PageContext } from '../navigation';
import '../styles/report.css';

export function SettingsPage({ api }: PageContext) {
  const [settings, setSettings] = useState<SettingsView | null>(null);
  const [loadProblem, setLoadProblem] = useState<PageProblem | null>(null);
  const [problem, setProblem] = useState<PageProblem | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void api.invoke('settings:get', {}).then((r) => {
      if (!live) return;
      if (r.ok) setSettings(r.value);
      else setLoadProblem({ kind: 'call', error: r.error, fieldId: 'settings-heading' });
    });
    return () => {
      live = false;
    };
  }, [api]);

  /** Runs one settings action: clears old messages, reports a failure at the top, or says what changed. */
  const run = async (action: () => Promise<PageProblem | string | null>) => {
    if (busy) return;
    setBusy(true);
    setMessage(null);
    try {
      const outcome = await action();
      if (outcome === null) return;
      if (typeof outcome === 'string') {
        setProblem(null);
        setMessage(outcome);
      } else setProblem(outcome);
    } finally {
      setBusy(false);
    }
  };

  const shown = problem ?? loadProblem;
  return (
    <>
      <PageProblemSummary problem={shown} />
      <PageHeading title="Settings" takeFocus={shown === null}>
        <span id="settings-heading">Settings</span>
      </PageHeading>
      {message && (
        <div className="nhsuk-inset-text" role="status">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>{message}</p>
        </div>
      )}
      {settings === null ? (
        !loadProblem && <p role="status">Loading settings…</p>
      ) : (
        <>
          <PolicySection settings={settings} busy={busy} problem={problem} run={run} onSaved={setSettings} api={api} />
          <ProfileSection settings={settings} busy={busy} problem={problem} run={run} onSaved={setSettings} api={api} />
          <KeySection settings={settings} busy={busy} problem={problem} run={run} onSaved={setSettings} api={api} />
          <ReferenceSection settings={settings} busy={busy} problem={problem} run={run} onSaved={setSettings} api={api} />
        </>
      )}
    </>
  );
}

interface SectionProps {
  api: PageContext['api'];
  settings: SettingsView;
  busy: boolean;
  problem: PageProblem | null;
  run(action: () => Promise<PageProblem | string | null>): Promise<void>;
  onSaved(settings: SettingsView): void;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="app-report__section">
      <h2 className="nhsuk-heading-m">{title}</h2>
      {children}
    </section>
  );
}

function PolicySection({ api, settings, busy, problem, run, onSaved }: SectionProps) {
  const { active, locked, lockedBy, presets } = settings.policy;
  const [chosen, setChosen] = useState(active.id);
  // A locked or custom policy may not be one of the presets: list it too, so the select shows it.
  const options = presets.some((p) => p.id === active.id) ? presets : [{ id: active.id, name: active.name, description: active.description ?? '' }, ...presets];
  const description = options.find((p) => p.id === chosen)?.description;
  const save = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      if (!isPresetId(chosen)) return { kind: 'form', problems: [{ fieldId: SETTINGS_FIELDS.policy, text: 'Choose one of the listed policies' }] };
      const r = await api.invoke('settings:set-policy', { policy: presetPolicy(chosen) });
      if (!r.ok) return { kind: 'call', error: r.error, fieldId: SETTINGS_FIELDS.policy };
      onSaved(r.value);
      return `Disclosure policy saved: ${r.value.policy.active.name}. Reports built from now on use it.`;
    });
  };
  const error = problemFor(formProblems(problem), SETTINGS_FIELDS.policy);
  return (
    <Section title="Disclosure policy">
      <p className="nhsuk-body">The rules every report table passes before it can be exported: the smallest count that may be shown, rounding, and how hidden cells are protected.</p>
      {locked && (
        <div className="nhsuk-inset-text" id={`${SETTINGS_FIELDS.policy}-locked`}>
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            {lockedBy ? `${lockedBy} has locked the disclosure policy` : 'Your trusted research environment has locked the disclosure policy'}, so it cannot be changed here.
            Ask them if you need a different policy.
          </p>
        </div>
      )}
      <form onSubmit={save} noValidate>
        <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
          <label className="nhsuk-label nhsuk-label--s" htmlFor={SETTINGS_FIELDS.policy}>
            Disclosure policy
          </label>
          {description && (
            <div className="nhsuk-hint" id={`${SETTINGS_FIELDS.policy}-hint`}>
              {description}
            </div>
          )}
          {error && (
            <span className="nhsuk-error-message" id={`${SETTINGS_FIELDS.policy}-error`}>
              <span className="nhsuk-u-visually-hidden">Error: </span>
              {error}
            </span>
          )}
          <select
            className={`nhsuk-select${error ? ' nhsuk-select--error' : ''}`}
            id={SETTINGS_FIELDS.policy}
            name="policy"
            value={chosen}
            disabled={locked}
            onChange={(e) => setChosen(e.target.value)}
            aria-describedby={[description ? `${SETTINGS_FIELDS.policy}-hint` : '', locked ? `${SETTINGS_FIELDS.policy}-locked` : '', error ? `${SETTINGS_FIELDS.policy}-error` : ''].filter(Boolean).join(' ') || undefined}
          >
            {options.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <button className="nhsuk-button nhsuk-button--secondary" type="submit" disabled={locked || busy} aria-disabled={locked || busy}>
          Save policy
        </button>
      </form>
      <details className="nhsuk-details">
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text">The rules of {active.name}, in force now</span>
        </summary>
        <div className="nhsuk-details__text">
          <dl className="nhsuk-summary-list">
            {policyParameterLines(active).map(([k, v]) => (
              <SummaryRow key={k} label={k}>
                {v}
              </SummaryRow>
            ))}
          </dl>
        </div>
      </details>
    </Section>
  );
}

function ProfileSection({ api, settings, busy, problem, run, onSaved }: SectionProps) {
  const [name, setName] = useState(settings.identity?.displayName ?? '');
  const [role, setRole] = useState<'analyst' | 'reviewer'>(settings.identity?.role ?? 'analyst');
  const save = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const problems = checkProfile(name);
      if (problems.length > 0) return { kind: 'form', problems };
      const r = await api.invoke('identity:save', { displayName: name.trim(), role });
      if (!r.ok) return { kind: 'call', error: r.error, fieldId: SETTINGS_FIELDS.name };
      onSaved(r.value);
      return 'Your profile is saved.';
    });
  };
  return (
    <Section title="Your profile">
      <p className="nhsuk-body">
        Your name goes on the export requests you write and the reviews you sign. A request must be reviewed by someone other than the person who wrote it.
        {settings.identity ? ` Signed in to this computer as ${settings.identity.osUser}.` : ''}
      </p>
      <form onSubmit={save} noValidate>
        <TextInput id={SETTINGS_FIELDS.name} label="Your name" labelSize="s" value={name} onChange={setName} autoComplete="name" wide={false} error={problemFor(formProblems(problem), SETTINGS_FIELDS.name)} />
        <div className="nhsuk-form-group">
          <fieldset className="nhsuk-fieldset">
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Your role</legend>
            <div className="nhsuk-radios">
              {(
                [
                  ['analyst', 'Analyst', 'You profile datasets, build reports and write export requests.'],
                  ['reviewer', 'Reviewer', 'You check export requests and sign releases (an output checker).'],
                ] as const
              ).map(([value, label, hint]) => {
                const id = value === 'analyst' ? SETTINGS_FIELDS.role : 'settings-role-reviewer';
                return (
                  <div className="nhsuk-radios__item" key={value}>
                    <input className="nhsuk-radios__input" id={id} name="role" type="radio" value={value} checked={role === value} onChange={() => setRole(value)} aria-describedby={`${id}-hint`} />
                    <label className="nhsuk-label nhsuk-radios__label" htmlFor={id}>
                      {label}
                    </label>
                    <div className="nhsuk-hint nhsuk-radios__hint" id={`${id}-hint`}>
                      {hint}
                    </div>
                  </div>
                );
              })}
            </div>
          </fieldset>
        </div>
        <button className="nhsuk-button nhsuk-button--secondary" type="submit" disabled={busy} aria-disabled={busy}>
          Save profile
        </button>
      </form>
    </Section>
  );
}

function KeySection({ api, settings, busy, problem, run, onSaved }: SectionProps) {
  const passphraseRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);
  const key = settings.signingKey;
  const problems = formProblems(problem);
  const create = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const found = checkNewPassphrase(passphraseRef.current?.value ?? '', confirmRef.current?.value ?? '');
      if (found.length > 0) {
        // A mismatch means retyping both; never keep either longer than needed.
        readAndClear(confirmRef.current);
        return { kind: 'form', problems: found };
      }
      const passphrase = readAndClear(passphraseRef.current);
      readAndClear(confirmRef.current);
      const r = await api.invoke('keys:create', { passphrase });
      if (!r.ok) return { kind: 'call', error: r.error, fieldId: SETTINGS_FIELDS.passphrase };
      onSaved(r.value);
      return 'Your signing key is created. Keep the passphrase safe: without it the key cannot sign, and nobody can recover it.';
    });
  };
  const exportKey = () =>
    void run(async () => {
      if (!key) return null;
      const chosen = await api.invoke('dialog:choose-save-path', { suggestedName: publicKeyFileName(key.fingerprint, new Date()), kind: 'json' });
      if (!chosen.ok) return { kind: 'call', error: chosen.error, fieldId: SETTINGS_FIELDS.exportKey };
      if (chosen.value === null) return 'No file was chosen, so the public key was not exported.';
      const r = await api.invoke('keys:export-public', { path: chosen.value.path });
      if (!r.ok) return { kind: 'call', error: r.error, fieldId: SETTINGS_FIELDS.exportKey };
      return `Public key exported to ${r.value.path} (fingerprint ${r.value.fingerprint}). Give this file to your TRE so that it trusts the releases you sign.`;
    });
  return (
    <Section title="Signing key">
      <p className="nhsuk-body">
        Reviewers sign every release and response with their own key, so anyone can check later who approved what. The private key stays on this computer, locked with your
        passphrase.
      </p>
      {key ? (
        <dl className="nhsuk-summary-list">
          <SummaryRow label="Fingerprint">
            <span className="app-fingerprint">{key.fingerprint}</span>
          </SummaryRow>
          <SummaryRow label="Created">{key.createdIso}</SummaryRow>
        </dl>
      ) : (
        <p className="nhsuk-body">You have no signing key yet.{settings.identity?.role !== 'reviewer' ? ' Only reviewers need one: set your role to Reviewer first.' : ''}</p>
      )}
      {!key && (
        <form onSubmit={create} noValidate>
          <PasswordInput
            id={SETTINGS_FIELDS.passphrase}
            label="New passphrase"
            labelSize="s"
            hint="A long passphrase you can remember; three or four random words work well."
            autoComplete="new-password"
            inputRef={passphraseRef}
            error={problemFor(problems, SETTINGS_FIELDS.passphrase)}
          />
          <PasswordInput
            id={SETTINGS_FIELDS.confirm}
            label="Confirm passphrase"
            labelSize="s"
            autoComplete="new-password"
            inputRef={confirmRef}
            error={problemFor(problems, SETTINGS_FIELDS.confirm)}
          />
          <button className="nhsuk-button nhsuk-button--secondary" type="submit" disabled={busy} aria-disabled={busy}>
            Create signing key
          </button>
        </form>
      )}
      <div className="nhsuk-form-group">
        <p className="nhsuk-body" id={`${SETTINGS_FIELDS.exportKey}-hint`}>
          {key ? 'Export your public key (a small JSON file) for your TRE to add to its trusted keys.' : 'Once you have a key, you can export its public half here.'}
        </p>
        <button
          id={SETTINGS_FIELDS.exportKey}
          className="nhsuk-button nhsuk-button--secondary"
          type="button"
          onClick={exportKey}
          disabled={busy || !key}
          aria-disabled={busy || !key}
          aria-describedby={`${SETTINGS_FIELDS.exportKey}-hint`}
        >
          Export public key
        </button>
      </div>
    </Section>
  );
}

function ReferenceSection({ api, settings, busy, problem, run, onSaved }: SectionProps) {
  const [path, setPath] = useState('');
  const imported = settings.references.filter((r) => r.kind === 'imported');
  const importFile = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const problems = checkReferencePath(path);
      if (problems.length > 0) return { kind: 'form', problems };
      const r = await api.invoke('reference:import', { path: path.trim() });
      if (!r.ok) return { kind: 'call', error: r.error, fieldId: SETTINGS_FIELDS.reference };
      const others = settings.references.filter((x) => x.id !== r.value.id);
      onSaved({ ...settings, references: [...others, r.value] });
      setPath('');
      return `Reference population imported: ${r.value.name}. You can compare with it on the Representation page.`;
    });
  };
  return (
    <Section title="Reference populations">
      <p className="nhsuk-body">
        Besides the built-in Census 2021 areas, you can compare a dataset with a population of your own, such as a GP list or a disease registry.
      </p>
      {imported.length === 0 ? (
        <p className="nhsuk-body">No reference population has been imported yet.</p>
      ) : (
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-table__caption--s">Imported reference populations</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">Name</th>
              <th scope="col" className="nhsuk-table__header">About</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {imported.map((r) => (
              <tr className="nhsuk-table__row" key={r.id}>
                <th scope="row" className="nhsuk-table__header">{r.name}</th>
                <td className="nhsuk-table__cell">{r.description ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form onSubmit={importFile} noValidate>
        <TextInput
          id={SETTINGS_FIELDS.reference}
          label="Reference population file"
          labelSize="s"
          hint="The full path to a CSV file with the columns attribute, category, and count or share (optionally scheme), for example C:\Data\gp-list-population.csv"
          value={path}
          onChange={setPath}
          error={problemFor(formProblems(problem), SETTINGS_FIELDS.reference)}
        />
        <button className="nhsuk-button nhsuk-button--secondary" type="submit" disabled={busy} aria-disabled={busy}>
          Import reference population
        </button>
      </form>
    </Section>
  );
}
