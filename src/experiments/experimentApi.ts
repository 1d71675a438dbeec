import { type PointJob, type PointResult, runPoint } from './point.ts';

/** What an experiment worker offers (exposed by experiment.worker.ts, called directly in tests). */
export interface ExperimentApi {
  run(job: PointJob): PointResult;
}

export const experimentApi: ExperimentApi = {
  run: (job) => runPoint(job),
};
