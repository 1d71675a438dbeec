import type { NodeType } from './components/index.ts';

/**
 * Which connections the engine understands: an edge means "source sends requests to target".
 * The editor asks `connectionProblem` before it adds an edge; the restore funnel asks it for
 * every edge of a document. The messages are written for students.
 */
const allowedTargets: Record<NodeType, readonly NodeType[]> = {
  client: ['loadBalancer', 'server', 'cdn'],
  loadBalancer: ['server', 'loadBalancer'],
  server: ['database', 'server', 'loadBalancer', 'cache', 'queue'],
  database: [],
  cache: [],
  cdn: ['loadBalancer', 'server'],
  queue: ['workerPool'],
  workerPool: ['database', 'server', 'loadBalancer'],
  scheduler: ['queue', 'server', 'loadBalancer', 'database', 'mapReduce'],
  mapReduce: [],
};

const roleOf: Record<NodeType, string> = {
  client: 'a client',
  loadBalancer: 'a load balancer',
  server: 'a server',
  database: 'a database',
  cache: 'a cache',
  cdn: 'a CDN',
  queue: 'a queue',
  workerPool: 'a worker pool',
  scheduler: 'a scheduler',
  mapReduce: 'a map-reduce cluster',
};

export function canConnect(source: NodeType, target: NodeType): boolean {
  return allowedTargets[source].includes(target);
}

/** Why an edge source → target is refused, or null when it is allowed. */
export function connectionProblem(source: NodeType, target: NodeType): string | null {
  if (canConnect(source, target)) return null;
  if (source === 'database')
    return 'A database only answers queries; it does not send requests to anything. Connect the server to the database instead.';
  if (source === 'cache')
    return 'A cache only answers gets and sets; it sends nothing onward. On a miss the server itself reads the database (cache-aside): connect the server to both the cache and the database.';
  if (target === 'client')
    return 'Clients only send requests; nothing sends requests to a client. Draw the arrow from the client to a balancer or server.';
  if (source === 'client' && target === 'database')
    return 'Users never talk to the database directly: put a server in between, which queries the database for them.';
  if (source === 'loadBalancer' && target === 'database')
    return 'A load balancer spreads requests over servers. Databases are queried by servers: connect a server to the database.';
  if (target === 'cdn')
    return 'A CDN sits between the users and your site: connect the client to the CDN, and the CDN to your balancer or servers (its origin).';
  if (source === 'cdn')
    return 'A CDN passes what it cannot answer to the origin — your balancer or web servers — never straight to a database or cache.';
  if (target === 'scheduler')
    return 'A scheduler starts work on its own clock; nothing sends it requests. Draw the arrow from the scheduler to what it starts.';
  if (source === 'mapReduce')
    return 'A map-reduce cluster works through its jobs and keeps the results; it sends nothing onward.';
  if (target === 'mapReduce')
    return 'Map-reduce jobs are started by a scheduler (or a "run" event): connect a scheduler to the cluster.';
  if (source === 'scheduler')
    return 'A scheduler starts jobs in a queue, a map-reduce cluster, servers, a balancer or a database — not here.';
  if (source === 'queue')
    return 'A queue hands its jobs to worker pools only: connect the queue to a worker pool, and the pool to the database the jobs write to.';
  if (target === 'queue')
    return 'Servers publish jobs to a queue: connect a server to the queue (its requests with a background job publish there and answer at once).';
  if (target === 'workerPool')
    return 'A worker pool takes its jobs from a queue: connect a queue to the pool, and servers to the queue.';
  if (target === 'cache')
    return 'Caches are read by servers: connect a server to the cache (and to the database behind it). Several caches behind one server are sharded by key.';
  return `${capitalise(roleOf[source])} cannot send requests to ${roleOf[target]}.`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
