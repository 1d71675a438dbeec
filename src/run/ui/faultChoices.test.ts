import { describe, expect, it } from 'vitest';
import { edgeFaultChoices, nodeFaultChoices } from './faultChoices.ts';

const live = (up: boolean) => ({ up, util: 0.5, queued: 0, hitRatio: null, failed: 0 });

describe('fault choices', () => {
  it('offers each component the faults it can take', () => {
    const labels = (type: string) => nodeFaultChoices('x', type, live(true), true).map((c) => c.label);
    expect(labels('server')).toEqual(['Fail', 'Restore', 'Slow ×2', 'Slow ×5', 'Slow ×10']);
    expect(labels('cache')).toContain('Flush');
    expect(labels('client')).toEqual(['Spike ×2 for 10 s', 'Spike ×5 for 10 s', 'Spike ×10 for 10 s']);
  });

  it('says why a choice is not available now', () => {
    const idle = nodeFaultChoices('web-1', 'server', undefined, false);
    expect(idle.every((c) => c.disabled === 'Run the simulation first')).toBe(true);
    const over = nodeFaultChoices('web-1', 'server', undefined, false, true);
    expect(over[0]?.disabled).toBe('The run is over: press Reset');
    const down = nodeFaultChoices('web-1', 'server', live(false), true);
    expect(down.find((c) => c.label === 'Fail')?.disabled).toBe('It is down already');
    expect(down.find((c) => c.label === 'Restore')?.disabled).toBeNull();
  });

  it('cuts a connection that is whole and heals one that is cut', () => {
    const whole = edgeFaultChoices('lb', 'web-1', false, true);
    expect(whole.map((c) => [c.label, c.disabled])).toEqual([
      ['Cut', null],
      ['Heal', 'It is not cut'],
    ]);
    expect(edgeFaultChoices('lb', 'web-1', true, true)[0]?.disabled).toBe('It is cut already');
    expect(whole[0]?.fault).toEqual({ action: 'cut', source: 'lb', target: 'web-1' });
  });
});
