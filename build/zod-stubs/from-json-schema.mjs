// Stands in for zod's classic/from-json-schema.js in the Node bundles (build-node.mjs):
// z.fromJSONSchema, which Represent never calls (25 KB of the zod chunk loaded at start-up).
export function fromJSONSchema() {
  throw new Error("z.fromJSONSchema is not part of Represent's build (build/zod-stubs/from-json-schema.mjs)");
}
