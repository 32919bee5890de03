// Where a file dropped on the Start page lives. Chromium never gives a web page the path of a
// dropped file; Electron used to add `File.path`, but removed it (Electron 32) in favour of
// webUtils.getPathForFile, which works only in the preload, and our preload does not expose it.
// So a path is known only where something still sets `path` on the File (older Electron, test
// harnesses); otherwise the page says plainly to use "Choose file".

export type DropResult = { kind: 'path'; path: string } | { kind: 'no-path'; fileName: string } | { kind: 'none' } | { kind: 'several'; count: number };

export function droppedFile(files: ArrayLike<File> | null | undefined): DropResult {
  if (!files || files.length === 0) return { kind: 'none' };
  if (files.length > 1) return { kind: 'several', count: files.length };
  const file = files[0]!;
  const path = (file as File & { path?: unknown }).path;
  if (typeof path === 'string' && path !== '') return { kind: 'path', path };
  return { kind: 'no-path', fileName: file.name };
}
