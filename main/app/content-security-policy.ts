// The Content-Security-Policy every page of the app is served with (Electron security checklist
// item 7). Everything comes from our own origin; nothing may be fetched, framed, posted or
// evaluated from anywhere else. Trusted Types stop any string from becoming HTML or script: the
// UI is React, which never needs innerHTML, so any use is a bug or an attack.
// The browser suite runs the built renderer under exactly this header, so the app is known to work
// with it.

export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = Object.freeze({
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  // Vite inlines small icons (the NHS.UK SVGs) as data: URLs.
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  // Same-origin only: in the app that is app://represent; the test bridge shares its page's origin.
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'none'"],
  'media-src': ["'none'"],
  'object-src': ["'none'"],
  'frame-src': ["'none'"],
  'child-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
  'require-trusted-types-for': ["'script'"],
  'trusted-types': ["'none'"],
});

export function serializeCsp(directives: Readonly<Record<string, readonly string[]>>): string {
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

export const CONTENT_SECURITY_POLICY = serializeCsp(CSP_DIRECTIVES);
