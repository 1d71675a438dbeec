import * as Comlink from 'comlink';
import type { ExperimentApi } from './experimentApi.ts';
import type { PointWorker } from './runner.ts';

/** An experiment worker in the page. */
export function createPointWorker(): PointWorker {
  const worker = new Worker(new URL('./experiment.worker.ts', import.meta.url), {
    type: 'module',
    name: 'scalelab-experiment',
  });
  const remote = Comlink.wrap<ExperimentApi>(worker);
  let failed: ((e: Error) => void) | null = null;
  worker.addEventListener('error', (e) => {
    e.preventDefault();
    failed?.(new Error(e.message || 'the experiment worker failed'));
  });
  return {
    run: (job) =>
      new Promise((resolve, reject) => {
        failed = reject;
        remote.run(job).then(resolve, reject);
      }),
    terminate: () => worker.terminate(),
  };
}
