// Finds an Electron binary WITHOUT require('electron'): since Electron 42 that require downloads
// the binary from GitHub on first use (electron-engineering.md §5), which must never happen in
// tests. Returns the binary, or why there is none.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export type ElectronBinary = { path: string } | { missing: string };

const EXECUTABLE: Record<string, string> = {
  linux: 'electron',
  win32: 'electron.exe',
  darwin: 'Electron.app/Contents/MacOS/Electron',
};

export function findElectronBinary(env: NodeJS.ProcessEnv = process.env): ElectronBinary {
  if (env.REPRESENT_ELECTRON_PATH) {
    return existsSync(env.REPRESENT_ELECTRON_PATH)
      ? { path: env.REPRESENT_ELECTRON_PATH }
      : { missing: `REPRESENT_ELECTRON_PATH points at ${env.REPRESENT_ELECTRON_PATH}, which does not exist` };
  }
  const executable = EXECUTABLE[process.platform];
  if (!executable) return { missing: `no Electron build for ${process.platform}` };
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const candidate = path.join(env.ELECTRON_OVERRIDE_DIST_PATH, executable);
    if (existsSync(candidate)) return { path: candidate };
  }
  let packageDir: string;
  try {
    packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { missing: 'the electron package is not installed' };
  }
  const pathFile = path.join(packageDir, 'path.txt');
  if (existsSync(pathFile)) {
    const candidate = path.join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
    if (existsSync(candidate)) return { path: candidate };
  }
  return {
    missing:
      'no Electron binary in node_modules/electron/dist (Electron ≥ 42 downloads it on first use, and this machine cannot reach GitHub). ' +
      'Where it can, run `npx install-electron --no`, or set REPRESENT_ELECTRON_PATH / ELECTRON_OVERRIDE_DIST_PATH',
  };
}
