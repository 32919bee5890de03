// Builds the Node bundles once before any test, so integration tests run the CLI and the
// profiling worker exactly as a user would: as built JavaScript in a child process.
// Also gives the whole run one throwaway Represent home: the CLI records every run in the store
// under REPRESENT_HOME, and a test must never write to the tester's own (~/.local/share/Represent).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
// @ts-expect-error plain ESM build script without type declarations
import { buildNode } from '../build/build-node.mjs';

export default async function setup(): Promise<() => void> {
  const home = mkdtempSync(path.join(tmpdir(), 'represent-test-home-'));
  // Test processes are forked after this runs, so they inherit it (test/unit/test-home.test.ts checks).
  process.env.REPRESENT_HOME = home;
  await buildNode();
  return () => rmSync(home, { recursive: true, force: true });
}
