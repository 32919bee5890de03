// Start: enter, choose or drop a data file, then profile it; or reopen a dataset used before.
import { useEffect, useState, type DragEvent, type FormEvent } from 'react';
import type { RecentDataset, RepresentApi } from '../../../shared/api';
import type { SerializedError } from '../../../shared/errors';
import { ErrorSummary } from '../components/ErrorSummary';
import { PageHeading } from '../components/PageHeading';
import { formatBytes } from '../format';
import { droppedFile } from '../report/dropped-file';
import '../styles/report.css';

export interface StartPageProps {
  api: RepresentApi;
  initialPath: string;
  error: SerializedError | null;
  notice: string | null;
  onChooseFile(): Promise<string | null>;
  onProfile(path: string): void;
  /** Reopens a remembered dataset from its stored profile. */
  onOpenRecent(datasetId: string, path: string): void;
}

const FIELD_ID = 'data-file';

export function StartPage({ api, initialPath, error, notice, onChooseFile, onProfile, onOpenRecent }: StartPageProps) {
  const [path, setPath] = useState(initialPath);
  const [localError, setLocalError] = useState<SerializedError | null>(null);
  const [dragging, setDragging] = useState(false);
  const shown = localError ?? error;

  // Chromium gives a page no path for a dropped file (see report/dropped-file.ts): take the drop
  // rather than let the window open the file, and where no path is known say what to do instead.
  const dragOver = (e: DragEvent) => {
    if (!e.dataTransfer.types.includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const dropped = droppedFile(e.dataTransfer.files);
    if (dropped.kind === 'none') return;
    if (dropped.kind === 'several') {
      setLocalError({ code: 'bad-argument', message: 'Drop one file at a time.', expected: 'one file', found: `${dropped.count} files`, location: {} });
      return;
    }
    if (dropped.kind === 'no-path') {
      setLocalError({
        code: 'bad-argument',
        message: 'Represent cannot see where a dropped file is kept, so it cannot open it. Use "Choose file" instead, or type the full path to the file.',
        location: {},
      });
      return;
    }
    setPath(dropped.path);
    if (!looksLikeFullPath(dropped.path)) {
      setLocalError({ code: 'bad-argument', message: 'Enter the full path to the file, starting at the drive or root folder, for example C:\\Data\\extract.csv.', location: {} });
      return;
    }
    setLocalError(null);
    onProfile(dropped.path);
  };

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
    <div
      className={`app-dropzone${dragging ? ' app-dropzone--active' : ''}`}
      onDragOver={dragOver}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setDragging(false);
      }}
      onDrop={drop}
    >
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
            The full path to a CSV or other delimited text file, for example C:\Data\extract.csv.
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
      <RecentDatasets api={api} onOpen={onOpenRecent} />
    </div>
  );
}

const openedDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });

function openedText(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : openedDate.format(d);
}

/** Datasets the store remembers, newest first: reopening uses the stored profile, not a new pass. */
function RecentDatasets({ api, onOpen }: { api: RepresentApi; onOpen(datasetId: string, path: string): void }) {
  const [recent, setRecent] = useState<RecentDataset[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    void api.invoke('dataset:recent', {}).then((r) => {
      if (!live) return;
      if (r.ok) setRecent(r.value);
      else setFailed(true);
    });
    return () => {
      live = false;
    };
  }, [api]);
  return (
    <section aria-labelledby="recent-heading">
      <h2 className="nhsuk-heading-m" id="recent-heading">
        Recent datasets
      </h2>
      {failed ? (
        <p className="nhsuk-body">The list of recent datasets could not be read. You can still open a file above.</p>
      ) : recent === null ? (
        <p className="nhsuk-body">Loading…</p>
      ) : recent.length === 0 ? (
        <p className="nhsuk-body">You have not opened any datasets yet. Files you profile will be listed here, so you can come back to them.</p>
      ) : (
        <ul className="nhsuk-list app-recent-list">
          {recent.map((d) => (
            <li key={d.datasetId} className="app-recent">
              <div>
                <p className="nhsuk-body nhsuk-u-font-weight-bold nhsuk-u-margin-bottom-1">{d.fileName}</p>
                <p className="nhsuk-body-s nhsuk-u-margin-bottom-1 app-fingerprint">{d.path}</p>
                <p className="nhsuk-body-s nhsuk-u-secondary-text-colour nhsuk-u-margin-bottom-0">
                  {formatBytes(d.sizeBytes)}. Opened {openedText(d.openedIso)}. {d.hasMapping ? 'Mapping saved.' : 'No mapping saved yet.'}
                </p>
              </div>
              <button className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0" type="button" onClick={() => onOpen(d.datasetId, d.path)}>
                Open {d.fileName}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Windows (C:\ or \\server\share) or POSIX absolute paths; the main side checks again. */
export function looksLikeFullPath(path: string): boolean {
  return /^(?:[A-Za-z]:[\\/]|\\\\|\/)/.test(path);
}
