import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from './eventQueue.ts';

describe('EventQueue', () => {
  it('pops in (time, insertion order) order, whatever the pushes and pops', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.integer({ min: 0, max: 50 }).map((t) => ({ push: t })),
            fc.constant({ pop: true }),
          ),
          {
            maxLength: 400,
          },
        ),
        (ops) => {
          const q = new EventQueue(4); // tiny, so growth is exercised
          const model: Array<{ t: number; id: number }> = [];
          let id = 0;
          for (const op of ops) {
            if ('push' in op) {
              q.push(op.push, 1, id, { id });
              model.push({ t: op.push, id: id++ });
            } else if (model.length > 0) {
              model.sort((a, b) => a.t - b.t || a.id - b.id);
              const want = model.shift() as { t: number; id: number };
              const slot = q.pop();
              expect([q.timeOf(slot), q.intOf(slot), (q.refOf(slot) as { id: number }).id]).toEqual([
                want.t,
                want.id,
                want.id,
              ]);
              q.release(slot);
            }
          }
          expect(q.size).toBe(model.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reports Infinity as the next time when empty', () => {
    expect(new EventQueue().peekTime()).toBe(Number.POSITIVE_INFINITY);
  });
});
