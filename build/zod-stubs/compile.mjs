// Stands in for zod's core/compile.js in the Node bundles (build-node.mjs): z.compile, zod's
// ahead-of-time parsers, which Represent never calls. It was 59 KB of the zod chunk that every
// input-checking command (`represent analyse` among them, before its pass) compiles at start-up.
// Same exports; calling one says why it is missing.
export const INVALID = Symbol.for('zod.compile.invalid');
export class ZodCompileAsyncError extends Error {}
export class ZodCompileUnsupportedError extends Error {}
const missing = () => {
  throw new Error("z.compile is not part of Represent's build (build/zod-stubs/compile.mjs)");
};
export const compile = missing;
export const withParser = missing;
export const compileFn = missing;
