// The CSP leaves nothing to chance: every fetch is same-origin or refused.
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, CSP_DIRECTIVES, serializeCsp } from '../../../main/app/content-security-policy';

function parse(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...values] = d.split(/\s+/);
        return [name!, values] as [string, string[]];
      }),
  );
}

describe('Content-Security-Policy', () => {
  const csp = parse(CONTENT_SECURITY_POLICY);

  it('starts from nothing allowed', () => {
    expect(csp.get('default-src')).toEqual(["'none'"]);
  });

  it('allows scripts, styles and connections from our own origin only', () => {
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('font-src')).toEqual(["'self'"]);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:']);
  });

  it('refuses plugins, frames, forms, base rewriting and being framed', () => {
    for (const d of ['object-src', 'frame-src', 'child-src', 'form-action', 'base-uri', 'frame-ancestors', 'media-src', 'manifest-src']) {
      expect(csp.get(d), d).toEqual(["'none'"]);
    }
  });

  it('has no unsafe keyword, wildcard or network scheme anywhere', () => {
    for (const [name, values] of csp) {
      for (const v of values) {
        expect(v, `${name} ${v}`).not.toMatch(/unsafe|^\*|^https?:|^wss?:|^ftp:|^blob:|^filesystem:|\*\./);
      }
    }
  });

  it('requires Trusted Types, so no string becomes script or HTML', () => {
    expect(csp.get('require-trusted-types-for')).toEqual(["'script'"]);
    expect(csp.get('trusted-types')).toEqual(["'none'"]);
  });

  it('is the serialisation of the directive table, which cannot be changed at run time', () => {
    expect(serializeCsp(CSP_DIRECTIVES)).toBe(CONTENT_SECURITY_POLICY);
    expect(Object.isFrozen(CSP_DIRECTIVES)).toBe(true);
  });
});
