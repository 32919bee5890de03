// zod compiles a fast parser with `new Function` the first time it parses an object; the page's
// Trusted Types CSP blocks that and logs a violation (shared/standards/catalogue.ts parses its
// JSON when first imported). Jitless mode parses the same way without eval. Imported first by
// the modules that pull the catalogue in; it belongs first in main.tsx (the lead's file).
import { config } from 'zod';

config({ jitless: true });
