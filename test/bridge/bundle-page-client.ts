// TEST-ONLY. Bundles page-client.ts (and the real preload factory it uses) into one script for
// Playwright's addInitScript, with this bridge's origin and token baked in.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BRIDGE_PATH_PREFIX, BRIDGE_TOKEN_HEADER, type TestBridge } from './server';

const here = path.dirname(fileURLToPath(import.meta.url));

export async function bundlePageClient(bridge: Pick<TestBridge, 'origin' | 'token'>): Promise<string> {
  const result = await build({
    entryPoints: [path.join(here, 'page-client.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome150',
    logLevel: 'warning',
    define: {
      __BRIDGE_ORIGIN__: JSON.stringify(bridge.origin),
      __BRIDGE_TOKEN__: JSON.stringify(bridge.token),
      __BRIDGE_PREFIX__: JSON.stringify(BRIDGE_PATH_PREFIX),
      __BRIDGE_TOKEN_HEADER__: JSON.stringify(BRIDGE_TOKEN_HEADER),
    },
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no page client');
  return output.text;
}
