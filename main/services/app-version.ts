// The app's own version, from package.json at build time (esbuild and Vite inline the one field),
// so a bundle, a manifest and the store all name the same version without a file read at run time.
import { version } from '../../package.json';

export const APP_NAME = 'Represent';
export const APP_VERSION: string = version;
