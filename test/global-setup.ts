// Builds the Node bundles once before any test, so integration tests run the CLI and the
// profiling worker exactly as a user would: as built JavaScript in a child process.
// @ts-expect-error plain ESM build script without type declarations
import { buildNode } from '../build/build-node.mjs';

export default async function setup(): Promise<void> {
  await buildNode();
}
