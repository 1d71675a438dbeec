/**
 * The engine's public surface: a pure kernel that runs unchanged in a Web Worker, in Node
 * tests and in the CLI. It imports no React, DOM, zustand or comlink (enforced by
 * tsconfig.kernel.json and the lint rule in biome.json).
 */

export { Rng } from './core/random.ts';
export { type Cause, causes } from './core/request.ts';
export { ZipfSampler, zipfProbabilities } from './core/zipf.ts';
export type { FailureBlame, FaultRecord } from './metrics/faultLog.ts';
export { Histogram } from './metrics/histogram.ts';
export type { LatencySummary, NodeReport, Report, TimelinePoint } from './metrics/report.ts';
export { Simulation, type SimulationOptions } from './simulation.ts';
export * as theory from './theory/index.ts';
