// Start: enter or choose a data file, then profile it.
import { useState, type FormEvent } from 'react';
import type { SerializedError } from '../../../shared/errors';
import { ErrorSummary } from '../components/ErrorSummary';
import { PageHeading } from '../components/PageHeading';

export interface StartPageProps {
  initialPath: string;
  error: SerializedError | null;
  notice: string | null;
  onChooseFile(): Promise<string | null>;
  onProfile(path: string): void;
}

const FIELD_ID = 'data-file';

export function StartPage({ initialPath, error, notice, onChooseFile, onProfile }: StartPageProps) {
  const [path, setPath] = useState(initialPath);
  const [localError, setLocalError] = useState<SerializedError | null>(null);
  const shown = localError ?? error;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = path.trim();
    if (trimmed === '') {
      setLocalError({ code: 'bad-argument', message: 'Enter the path to a data file, or choose one.', location: {} });
      return;
    }
    if (!looksLikeFullPath(trimmed)) {
      setLocalError({
        code: 'bad-argument',
        message: 'Enter the full path to the file, starting at the drive or root folder, for example C:\\Data\\extract.csv.',
        location: {},
      });
      return;
    }
    setLocalError(null);
    onProfile(trimmed);
  };

  const choose = async () => {
    const chosen = await onChooseFile();
    if (chosen !== null) {
      setPath(chosen);
      setLocalError(null);
    }
  };

  return (
    <>
      {shown && <ErrorSummary error={shown} fieldId={FIELD_ID} />}
      {notice && !shown && (
        <div className="nhsuk-notification-banner" role="status" aria-labelledby="notice-title">
          <div className="nhsuk-notification-banner__header">
            <h2 className="nhsuk-notification-banner__title" id="notice-title">
              Important
            </h2>
          </div>
          <div className="nhsuk-notification-banner__content">
            <p className="nhsuk-notification-banner__heading">{notice}</p>
          </div>
        </div>
      )}
      <PageHeading title="Profile a dataset" takeFocus={!shown}>
        Profile a dataset
      </PageHeading>
      <p className="nhsuk-lede-text">
        Find out what a data extract holds before you analyse it: the type of every column, how much is missing and how
        many different values each has.
      </p>
      <div className="nhsuk-inset-text">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>
          The file stays where it is. Represent reads it on this computer and keeps only counts, never the values in it.
        </p>
      </div>
      <form onSubmit={submit} noValidate>
        <div className={`nhsuk-form-group${shown ? ' nhsuk-form-group--error' : ''}`}>
          <label className="nhsuk-label nhsuk-label--m" htmlFor={FIELD_ID}>
            Data file
          </label>
          <div className="nhsuk-hint" id={`${FIELD_ID}-hint`}>
            The full path to a CSV or other delimited text file, for example C:\Data\extract.csv
          </div>
          {shown && (
            <span className="nhsuk-error-message" id={`${FIELD_ID}-error`}>
              <span className="nhsuk-u-visually-hidden">Error: </span>
              {shown.code === 'bad-argument' && localError ? shown.message : 'Check the file and try again'}
            </span>
          )}
          <input
            className={`nhsuk-input nhsuk-u-width-full${shown ? ' nhsuk-input--error' : ''}`}
            id={FIELD_ID}
            name="path"
            type="text"
            spellCheck={false}
            autoComplete="off"
            value={path}
            onChange={(e) => setPath(e.target.value)}
            aria-describedby={`${FIELD_ID}-hint${shown ? ` ${FIELD_ID}-error` : ''}`}
          />
        </div>
        <div className="nhsuk-button-group">
          <button className="nhsuk-button" type="submit">
            Profile this file
          </button>
          <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={() => void choose()}>
            Choose file
          </button>
        </div>
      </form>
    </>
  );
}

/** Windows (C:\ or \\server\share) or POSIX absolute paths; the main side checks again. */
export function looksLikeFullPath(path: string): boolean {
  return /^(?:[A-Za-z]:[\\/]|\\\\|\/)/.test(path);
}
