import { cacheComponent } from './cache.ts';
import { cdnComponent } from './cdn.ts';
import { clientComponent } from './client.ts';
import { databaseComponent } from './database.ts';
import { loadBalancerComponent } from './loadBalancer.ts';
import { mapReduceComponent } from './mapReduce.ts';
import { queueComponent } from './queue.ts';
import { schedulerComponent } from './scheduler.ts';
import { serverComponent } from './server.ts';
import { workerPoolComponent } from './workerPool.ts';

/**
 * The registry of component types the engine simulates today. Adding a type: write its
 * definition file beside these (config schema with defaults and help), register it here,
 * add its connection rules in `connections.ts`, and its model in `src/engine/nodes/`.
 */
export const components = {
  client: clientComponent,
  loadBalancer: loadBalancerComponent,
  server: serverComponent,
  database: databaseComponent,
  cache: cacheComponent,
  cdn: cdnComponent,
  queue: queueComponent,
  workerPool: workerPoolComponent,
  scheduler: schedulerComponent,
  mapReduce: mapReduceComponent,
} as const;

export type NodeType = keyof typeof components;
export const nodeTypes = Object.keys(components) as NodeType[];

/** Types the playground will offer once the engine models them (shown disabled in the palette). */
export const plannedTypes: ReadonlyArray<{ type: string; label: string; description: string }> = [];

export function isNodeType(type: string): type is NodeType {
  return Object.hasOwn(components, type);
}
