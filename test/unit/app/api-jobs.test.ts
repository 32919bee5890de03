import { describe, expect, it } from 'vitest';
import { createJobRegistry, throttle } from '../../../main/services/api-jobs';

describe('createJobRegistry', () => {
  it('starts, cancels and forgets jobs by id', () => {
    const jobs = createJobRegistry();
    const signal = jobs.start('job-1');
    expect(jobs.running()).toEqual(['job-1']);
    expect(() => jobs.start('job-1')).toThrow(/already running/);
    expect(jobs.cancel('job-2')).toBe(false);
    expect(jobs.cancel('job-1')).toBe(true);
    expect(signal.aborted).toBe(true);
    jobs.finish('job-1');
    expect(jobs.running()).toEqual([]);
    expect(jobs.cancel('job-1')).toBe(false);
    expect(jobs.start('job-1').aborted).toBe(false);
  });
});

describe('throttle', () => {
  it('passes the first value and then at most one per interval', () => {
    let t = 0;
    const seen: number[] = [];
    const send = throttle((v: number) => seen.push(v), 100, () => t);
    for (let i = 0; i < 25; i++) {
      send(i);
      t += 20;
    }
    // t = 0, 100, 200, 300, 400 → values 0, 5, 10, 15, 20
    expect(seen).toEqual([0, 5, 10, 15, 20]);
  });
});
