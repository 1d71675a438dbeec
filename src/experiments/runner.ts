import type { PointJob, PointResult } from './point.ts';

/** Something that runs points: a Web Worker in the page, the same thread in tests. */
export interface PointWorker {
  run(job: PointJob): Promise<PointResult>;
  terminate(): void;
}

export interface Progress {
  done: number;
  total: number;
  /** By job index; null while pending. */
  results: readonly (PointResult | null)[];
}

export type Outcome = 'done' | 'cancelled';

/** How many workers: one per core, never more than there are points (and at most 8). */
export function workerCount(points: number, cores: number | undefined): number {
  return Math.max(1, Math.min(points, cores && cores > 0 ? cores : 2, 8));
}

/**
 * Spreads an experiment's points over several workers: each takes the next point when it is
 * free, so a slow point does not hold the others. Cancel ends every worker at once.
 */
export class ExperimentRun {
  private readonly workers: PointWorker[] = [];
  private cancelled = false;
  private settle: ((o: Outcome) => void) | null = null;

  constructor(
    private readonly jobs: readonly PointJob[],
    private readonly createWorker: () => PointWorker,
    private readonly concurrency: number,
  ) {}

  start(onProgress: (p: Progress) => void): Promise<Outcome> {
    const results: (PointResult | null)[] = this.jobs.map(() => null);
    let next = 0;
    let done = 0;
    const total = this.jobs.length;
    return new Promise<Outcome>((resolve) => {
      this.settle = resolve;
      if (total === 0) {
        resolve('done');
        return;
      }
      const take = (worker: PointWorker) => {
        if (this.cancelled) return;
        const job = this.jobs[next++];
        if (!job) {
          worker.terminate();
          return;
        }
        worker.run(job).then(
          (r) => {
            if (this.cancelled) return;
            results[job.index] = r;
            done++;
            onProgress({ done, total, results: [...results] });
            if (done === total) {
              this.end();
              resolve('done');
            } else take(worker);
          },
          (e: unknown) => {
            if (this.cancelled) return;
            results[job.index] = {
              index: job.index,
              ok: false,
              reason: e instanceof Error ? e.message : String(e),
            };
            done++;
            onProgress({ done, total, results: [...results] });
            if (done === total) {
              this.end();
              resolve('done');
            } else take(worker);
          },
        );
      };
      for (let i = 0; i < Math.min(this.concurrency, total); i++) {
        const w = this.createWorker();
        this.workers.push(w);
        take(w);
      }
    });
  }

  cancel(): void {
    if (this.cancelled) return;
    this.cancelled = true;
    this.end();
    this.settle?.('cancelled');
  }

  private end(): void {
    for (const w of this.workers) w.terminate();
    this.workers.length = 0;
  }
}
