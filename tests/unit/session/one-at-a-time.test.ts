import { describe, expect, it } from 'vitest';
import { oneAtATime } from '@/lib/session/one-at-a-time';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('oneAtATime', () => {
  it('runs tasks called at once one after the other, in call order', async () => {
    const exclusive = oneAtATime();
    const steps: string[] = [];
    const task = (name: string) => async () => {
      steps.push(`${name} in`);
      await tick();
      steps.push(`${name} out`);
      return name;
    };
    expect(await Promise.all([exclusive(task('a')), exclusive(task('b'))])).toEqual(['a', 'b']);
    expect(steps).toEqual(['a in', 'a out', 'b in', 'b out']);
  });

  it('rejects only the caller of a failed task; the next one still runs', async () => {
    const exclusive = oneAtATime();
    const failed = exclusive(async () => {
      throw new Error('storage.session is unavailable');
    });
    const next = exclusive(async () => 'ran');
    await expect(failed).rejects.toThrow('storage.session is unavailable');
    expect(await next).toBe('ran');
  });
});
