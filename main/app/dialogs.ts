// Native open and save dialogs. The renderer asks for one through the API; only the chosen path
// comes back.
import { dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { SaveDialogRequest } from '../../shared/api';

const DATA_FILE_FILTERS = [
  { name: 'Delimited text (CSV, TSV)', extensions: ['csv', 'tsv', 'tab', 'txt', 'psv', 'dat'] },
  { name: 'All files', extensions: ['*'] },
];

const BUNDLE_FILTERS = [{ name: 'Represent bundle (zip)', extensions: ['zip'] }];

const SAVE_FILTERS: Record<SaveDialogRequest['kind'], { name: string; extensions: string[] }> = {
  html: { name: 'Web page (HTML)', extensions: ['html'] },
  json: { name: 'JSON', extensions: ['json'] },
  csv: { name: 'CSV', extensions: ['csv'] },
  zip: { name: 'Zip archive', extensions: ['zip'] },
};

export async function chooseDataFile(parent: BrowserWindow | null): Promise<string | null> {
  const options: OpenDialogOptions = { title: 'Choose a data file', properties: ['openFile'], filters: DATA_FILE_FILTERS };
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

export async function chooseSavePath(parent: BrowserWindow | null, request: SaveDialogRequest): Promise<string | null> {
  const options: SaveDialogOptions = {
    title: 'Save as',
    defaultPath: request.suggestedName,
    filters: [SAVE_FILTERS[request.kind]],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}

/** A request, release or response bundle to open (zip files only). */
export async function chooseBundle(parent: BrowserWindow | null): Promise<string | null> {
  const options: OpenDialogOptions = { title: 'Choose a request bundle', properties: ['openFile'], filters: BUNDLE_FILTERS };
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}
