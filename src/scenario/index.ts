export * from './components/index.ts';
export * from './connections.ts';
export * from './document.ts';
export * from './edgeKinds.ts';
export {
  MAX_INPUT_CHARS,
  type Problem,
  type RestoreResult,
  restoreOrThrow,
  restoreScenario,
} from './restore.ts';
