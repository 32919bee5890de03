// Guards the global setup's promise: no test run writes to the real Represent home.
import { describe, expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { representHome } from '../../main/store/home';

describe('the test run’s Represent home', () => {
  it('is a throwaway folder under the temp directory, not the user’s own', () => {
    const home = representHome();
    expect(process.env.REPRESENT_HOME).toBe(home);
    expect(path.relative(tmpdir(), home).startsWith('..')).toBe(false);
    expect(path.basename(home)).toMatch(/^represent-test-home-/);
  });
});
