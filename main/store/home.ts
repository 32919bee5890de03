// Where the app keeps its data: REPRESENT_HOME when set (tests, portable installs, a TRE that
// wants the store on a given drive), else the per-user application-data folder of the OS.
import os from 'node:os';
import path from 'node:path';

export const STORE_FILE_NAME = 'represent.db';
export const TRUSTED_KEYS_DIR_NAME = 'trusted-keys';

export function representHome(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const explicit = env.REPRESENT_HOME;
  if (explicit && explicit.trim() !== '') return path.resolve(explicit);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Represent');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Represent');
  return path.join(env.XDG_DATA_HOME && path.isAbsolute(env.XDG_DATA_HOME) ? env.XDG_DATA_HOME : path.join(home, '.local', 'share'), 'Represent');
}

export function storePath(home: string): string {
  return path.join(home, STORE_FILE_NAME);
}

/** The home folder of an open store: the folder its file sits in (the store is always storePath(home)). */
export function storeHome(db: { name: string }): string {
  return path.dirname(path.resolve(db.name));
}

export function trustedKeysDir(home: string): string {
  return path.join(home, TRUSTED_KEYS_DIR_NAME);
}
