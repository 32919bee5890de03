// isTrustedSender: parsed, field-by-field origin checks that string prefixes would get wrong.
import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../main/services/api-sender';

const main = (frameUrl: string | null) => ({ frameUrl, isMainFrame: true });

describe('isTrustedSender', () => {
  it('trusts our origin, any path, in the main frame', () => {
    expect(isTrustedSender(main('app://represent/index.html'), 'app://represent')).toBe(true);
    expect(isTrustedSender(main('app://represent/'), 'app://represent')).toBe(true);
    expect(isTrustedSender(main('app://REPRESENT/index.html'), 'app://represent')).toBe(true);
    expect(isTrustedSender(main('http://127.0.0.1:4321/'), 'http://127.0.0.1:4321')).toBe(true);
  });

  it.each([
    'app://represent.evil/index.html',
    'app://evil.represent/index.html',
    'app://evil/app://represent/',
    'app://represent@evil/',
    'app://x:y@represent/',
    'app://represent:99/',
    'https://represent/',
    'file:///represent/index.html',
    'about:blank',
    'data:text/html,app://represent/',
    '',
    'garbage',
  ])('does not trust %s', (url) => {
    expect(isTrustedSender(main(url), 'app://represent')).toBe(false);
  });

  it('does not trust another port on the same host, or a subframe, or a lost frame', () => {
    expect(isTrustedSender(main('http://127.0.0.1:4322/'), 'http://127.0.0.1:4321')).toBe(false);
    expect(isTrustedSender({ frameUrl: 'app://represent/index.html', isMainFrame: false }, 'app://represent')).toBe(false);
    expect(isTrustedSender(main(null), 'app://represent')).toBe(false);
  });

  it('trusts nobody when the trusted origin itself is malformed', () => {
    expect(isTrustedSender(main('app://represent/'), 'not a url')).toBe(false);
  });
});
