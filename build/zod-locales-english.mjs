// Stands in for zod's locales index in the Node bundles (build-node.mjs): Represent's messages are
// English, and the index of ~70 locales was 360 KB of the zod chunk that `represent analyse` loads
// before its pass can start. Classic zod registers English itself; this keeps `locales.en` too.
export { default as en } from 'zod/v4/locales/en.js';
