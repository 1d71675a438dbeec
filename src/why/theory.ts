import { cheLru, fifoApprox, perfectLfu } from '../engine/cache/theory.ts';
import { theory, zipfProbabilities } from '../engine/index.ts';
import { balancerProfiles } from '../scenario/components/loadBalancer.ts';
import { serverProfiles } from '../scenario/components/server.ts';
import { requestEdges } from '../scenario/edgeKinds.ts';
import type { NodeOfType, Scenario, ScenarioNode } from '../scenario/index.ts';
import type { Estimate } from './batchMeans.ts';

/**
 * Theory beside measurement: for each part of the scenario where a closed form applies, the
 * predicted value next to the measured one with its 95% interval. The closed forms are the
 * engine's own (src/engine/theory), written independently of the simulator. Where none
 * applies the row says why, so a learner sees where the textbook ends.
 */
export interface TheoryRow {
  /** Node id, or "end-to-end". */
  subject: string;
  /** What is compared: "mean time at web-1", "p99 end-to-end", "hit ratio". */
  quantity: string;
  /** The model: "M/M/4 (Erlang C)". */
  model: string;
  /** Predicted value (ms, or a 0–1 ratio for hit ratios); Infinity when unstable. */
  predicted: number;
  measured: Estimate;
  unit: 'ms' | 'ratio';
  /** Exact under its assumptions, or an estimate (say which way it leans in `note`). */
  exact: boolean;
  note: string;
  /** The measured value lies within its interval of the prediction (or within 5%). */
  agrees: boolean;
}

/** A part of the scenario with no closed form, and why. */
export interface TheoryGap {
  subject: string;
  reason: string;
}

export interface MeasuredForTheory {
  /** Seconds of measured window the estimates cover. */
  windowS: number;
  /** Calls arriving per second at each node over the measured window. */
  arrivalRate: Record<string, number>;
  /** Mean time at each node (ms), with interval. */
  nodeTimeMs: Record<string, Estimate>;
  /** Hit ratio of each cache node, with interval. */
  hitRatio: Record<string, Estimate>;
  endToEnd: { mean: Estimate; p99: Estimate };
  /** Nodes that were down, slowed or flushed during the window: no steady state there. */
  disturbed: ReadonlySet<string>;
}

export interface TheoryResult {
  rows: TheoryRow[];
  gaps: TheoryGap[];
}

type Feed =
  | {
      ok: true;
      kind: 'poisson' | 'erlang' | 'shortest';
      k: number;
      exact: boolean;
      via: string;
      /** Arrival rate at the node by the configuration (requests per second). */
      lambda?: number;
    }
  | { ok: false; reason: string };

interface StationModel {
  model: string;
  exact: boolean;
  note: string;
  /** Mean response time at the node, seconds. */
  W: number;
  /** p99 of the response time at the node, seconds; NaN when the model has no quantile. */
  p99: number;
}

export function theoryFor(scenario: Scenario, m: MeasuredForTheory): TheoryResult {
  const rows: TheoryRow[] = [];
  const gaps: TheoryGap[] = [];
  const byId = new Map(scenario.nodes.map((n) => [n.id, n]));
  const stations = new Map<string, StationModel>();

  for (const node of scenario.nodes) {
    if (node.type !== 'server') continue;
    const station = serverModel(scenario, byId, node, m);
    if ('reason' in station) {
      gaps.push({ subject: node.id, reason: station.reason });
      continue;
    }
    stations.set(node.id, station);
    const measured = m.nodeTimeMs[node.id];
    if (!measured) continue;
    rows.push(row(node.id, `mean time at ${node.id}`, station, station.W * 1000, measured, 'ms'));
  }

  const e2e = endToEnd(scenario, byId, stations, m);
  if (e2e) rows.push(...e2e);

  for (const node of scenario.nodes) {
    if (node.type !== 'cache') continue;
    const r = cacheRow(scenario, node, m);
    if ('reason' in r) gaps.push({ subject: node.id, reason: r.reason });
    else rows.push(r);
  }
  return { rows, gaps };
}

function row(
  subject: string,
  quantity: string,
  s: Pick<StationModel, 'model' | 'exact' | 'note'>,
  predicted: number,
  measured: Estimate,
  unit: 'ms' | 'ratio',
): TheoryRow {
  return {
    subject,
    quantity,
    model: s.model,
    predicted,
    measured,
    unit,
    exact: s.exact,
    note: s.note,
    agrees: agrees(predicted, measured),
  };
}

export function agrees(predicted: number, measured: Estimate): boolean {
  if (!Number.isFinite(predicted) || !Number.isFinite(measured.value)) return false;
  const tolerance = Math.max(
    Number.isFinite(measured.halfWidth) ? measured.halfWidth : 0,
    0.05 * Math.abs(predicted),
  );
  return Math.abs(measured.value - predicted) <= tolerance;
}

/** How requests reach `id`: Poisson, a round-robin turn (Erlang-k gaps), or join-shortest. */
export function feedOf(scenario: Scenario, byId: Map<string, ScenarioNode>, id: string): Feed {
  const incoming = requestEdges(scenario).filter((e) => e.target === id);
  if (incoming.length !== 1) return { ok: false, reason: `${id} is fed by ${incoming.length} components` };
  const src = byId.get((incoming[0] as { source: string }).source);
  if (!src) return { ok: false, reason: 'unknown feeder' };
  if (src.type === 'client') {
    const problem = notPoisson(src);
    if (problem) return { ok: false, reason: problem };
    const outs = requestEdges(scenario).filter((e) => e.source === src.id);
    const lambda = src.config.rps / outs.length;
    if (outs.length === 1) return { ok: true, kind: 'poisson', k: 1, exact: true, via: src.id, lambda };
    return withRate(
      split(
        src.config.strategy,
        outs.length,
        src.id,
        scenario,
        byId,
        outs.map((e) => e.target),
      ),
      lambda,
    );
  }
  if (src.type === 'loadBalancer') {
    const upstream = requestEdges(scenario).filter((e) => e.target === src.id);
    if (upstream.length === 0) return { ok: false, reason: `${src.id} gets no traffic` };
    for (const e of upstream) {
      const c = byId.get(e.source);
      if (c?.type !== 'client') return { ok: false, reason: `${src.id} is fed by ${e.source}, not by users` };
      const problem = notPoisson(c);
      if (problem) return { ok: false, reason: problem };
      if (requestEdges(scenario).filter((x) => x.source === c.id).length !== 1)
        return { ok: false, reason: `${c.id} also sends elsewhere` };
    }
    const outs = requestEdges(scenario).filter((e) => e.source === src.id);
    let total = 0;
    for (const e of upstream) {
      const c = byId.get(e.source);
      if (c?.type === 'client') total += c.config.rps;
    }
    return withRate(
      split(
        src.config.strategy,
        outs.length,
        src.id,
        scenario,
        byId,
        outs.map((e) => e.target),
      ),
      total / outs.length,
    );
  }
  return { ok: false, reason: `${id} is called by ${src.id}, whose calls are not Poisson` };
}

function withRate(feed: Feed, lambda: number): Feed {
  return feed.ok ? { ...feed, lambda } : feed;
}

function notPoisson(client: NodeOfType<'client'>): string | null {
  const c = client.config;
  if (c.arrival !== 'poisson') return `${client.id} sends evenly spaced requests, not Poisson ones`;
  if (c.pattern.type !== 'constant') return `${client.id}'s traffic changes over time (${c.pattern.type})`;
  return null;
}

function split(
  strategy: string,
  n: number,
  via: string,
  _scenario: Scenario,
  byId: Map<string, ScenarioNode>,
  targets: string[],
): Feed {
  const weights = targets.map((t) => {
    const node = byId.get(t);
    return node?.type === 'server' ? node.config.weight : 1;
  });
  const equal = weights.every((w) => w === weights[0]);
  switch (strategy) {
    case 'random':
      return { ok: true, kind: 'poisson', k: 1, exact: true, via };
    case 'ip-hash':
    case 'consistent-hash':
      // Each request's session or key is hashed independently: a random split, near enough.
      return { ok: true, kind: 'poisson', k: 1, exact: false, via };
    case 'round-robin':
      return { ok: true, kind: 'erlang', k: n, exact: true, via };
    case 'weighted-round-robin':
      return equal
        ? { ok: true, kind: 'erlang', k: n, exact: true, via }
        : { ok: false, reason: `${via} weighs its backends unequally` };
    case 'least-connections':
    case 'power-of-two':
      return { ok: true, kind: 'shortest', k: n, exact: false, via };
    default:
      return { ok: false, reason: `${via} uses ${strategy}` };
  }
}

function serverModel(
  scenario: Scenario,
  byId: Map<string, ScenarioNode>,
  node: NodeOfType<'server'>,
  m: MeasuredForTheory,
): StationModel | { reason: string } {
  const c = node.config;
  if (requestEdges(scenario).some((e) => e.source === node.id))
    return {
      reason:
        'its workers also wait for its downstream calls, so its service time is not a simple distribution',
    };
  if (m.disturbed.has(node.id))
    return { reason: 'it was down or slowed during the window: there is no steady state' };
  const feed = feedOf(scenario, byId, node.id);
  if (!feed.ok) return { reason: `its arrivals are not a known process (${feed.reason})` };
  // The configured rate, not the measured one: a run's realised count wanders around it, and the
  // prediction should not inherit that noise (near ρ = 0.8 a 3% surplus moves W by 15%).
  const lambda = feed.lambda ?? m.arrivalRate[node.id] ?? 0;
  if (!(lambda > 0)) return { reason: 'no requests arrived in the window' };
  const S = (c.serviceTimeMs * serverProfiles[c.profile].speed) / 1000;
  const mu = 1 / S;
  const workers = c.workers;
  const kendallArrival = feed.kind === 'erlang' ? `E${feed.k}` : 'M';
  const exactFeed = feed.exact;

  if (c.queueLimit !== null) {
    if (c.serviceDistribution !== 'exponential' || feed.kind !== 'poisson')
      return {
        reason: 'a limited queue has a closed form only for Poisson arrivals and exponential service',
      };
    const K = workers + c.queueLimit;
    const r = theory.mmck(lambda, mu, workers, K);
    return {
      model: `M/M/${workers}/${K}`,
      exact: exactFeed,
      note: `Poisson arrivals, exponential service, room for ${K}; ${pct(r.pBlock)} of arrivals rejected`,
      W: r.W,
      p99: Number.NaN,
    };
  }

  switch (c.serviceDistribution) {
    case 'exponential': {
      if (feed.kind === 'erlang' && workers === 1 && feed.k > 1) {
        const r = theory.ekM1(feed.k, lambda, mu);
        return {
          model: `E${feed.k}/M/1`,
          exact: exactFeed,
          note: `${feed.via} takes turns over ${feed.k} servers, so each sees every ${nth(feed.k)} Poisson arrival: gaps are Erlang-${feed.k}, steadier than Poisson`,
          W: r.W,
          p99: theory.gm1ResponseTimeQuantile(r.sigma, mu, 0.99),
        };
      }
      const r = theory.mmc(lambda, mu, workers);
      const p99 = theory.mmcResponseTimeQuantile(lambda, mu, workers, 0.99);
      const base = {
        model: `M/M/${workers}${workers > 1 ? ' (Erlang C)' : ''}`,
        W: r.W,
        p99,
      };
      if (feed.kind === 'poisson')
        return {
          ...base,
          exact: exactFeed,
          note: exactFeed
            ? 'Poisson arrivals, exponential service'
            : `${feed.via} hashes requests: close to a random split`,
        };
      if (feed.kind === 'erlang')
        return {
          ...base,
          model: `${kendallArrival}/M/${workers} ≈ M/M/${workers}`,
          exact: false,
          note: `round-robin makes arrivals steadier than Poisson: expect less waiting than this`,
        };
      return {
        ...base,
        exact: false,
        note: `${feed.via} sends each request to a less busy server: expect less waiting than this`,
      };
    }
    case 'deterministic': {
      if (workers !== 1 || feed.kind !== 'poisson')
        return {
          reason:
            'fixed service times have a closed form here only for one worker fed by Poisson arrivals (M/D/1)',
        };
      const r = theory.md1(lambda, S);
      return {
        model: 'M/D/1',
        exact: exactFeed,
        note: 'Poisson arrivals, every request takes exactly the service time',
        W: r.W,
        p99: Number.isFinite(r.W)
          ? theory.md1ResponseTimeQuantile(lambda, S, 0.99)
          : Number.POSITIVE_INFINITY,
      };
    }
    case 'lognormal': {
      if (workers !== 1 || feed.kind !== 'poisson')
        return {
          reason:
            'variable service times have a closed form here only for one worker fed by Poisson arrivals (M/G/1)',
        };
      const r = theory.mg1(lambda, S, c.serviceCv * c.serviceCv);
      return {
        model: 'M/G/1 (Pollaczek–Khinchine)',
        exact: exactFeed,
        note: `Poisson arrivals, lognormal service with CV ${c.serviceCv}; the mean only`,
        W: r.W,
        p99: Number.NaN,
      };
    }
  }
}

/**
 * End to end, when the whole path is theory: users → one server, or users → one balancer →
 * identical servers. Network and balancer add constants; the server adds its response time.
 */
function endToEnd(
  scenario: Scenario,
  byId: Map<string, ScenarioNode>,
  stations: Map<string, StationModel>,
  m: MeasuredForTheory,
): TheoryRow[] | null {
  const clients = scenario.nodes.filter((n) => n.type === 'client');
  if (clients.length !== 1) return null;
  const client = clients[0] as NodeOfType<'client'>;
  const outs = requestEdges(scenario).filter((e) => e.source === client.id);
  if (outs.length !== 1 || client.config.timeoutMs !== null) return null;
  const first = outs[0] as Scenario['edges'][number];
  const target = byId.get(first.target);
  let fixedMs = 2 * first.latencyMs;
  let servers: string[];
  if (target?.type === 'server') servers = [target.id];
  else if (target?.type === 'loadBalancer') {
    const backends = requestEdges(scenario).filter((e) => e.source === target.id);
    if (backends.length === 0) return null;
    const latencies = new Set(backends.map((e) => e.latencyMs));
    if (latencies.size !== 1 || target.config.retries > 0) return null;
    const capacity = target.config.capacityRps ?? balancerProfiles[target.config.profile].capacityRps;
    // The balancer's processing queue is negligible only while it is lightly loaded.
    const lbLoad = capacity > 0 ? (m.arrivalRate[target.id] ?? 0) / capacity : 0;
    if (lbLoad > 0.1) return null;
    fixedMs +=
      target.config.overheadMs + (capacity > 0 ? 1000 / capacity : 0) + 2 * (backends[0]?.latencyMs ?? 0);
    servers = backends.map((e) => e.target);
  } else return null;
  // Identical servers only: then each sees the same process at the average rate.
  const configs = servers.map((id) => byId.get(id));
  const firstConfig = configs[0];
  if (firstConfig?.type !== 'server' || servers.some((id) => !stations.has(id))) return null;
  if (
    configs.some(
      (c) => c?.type !== 'server' || JSON.stringify(c.config) !== JSON.stringify(firstConfig.config),
    )
  )
    return null;
  const total = servers.reduce((sum, id) => sum + (m.arrivalRate[id] ?? 0), 0);
  const average = serverModel(scenario, byId, firstConfig, {
    ...m,
    arrivalRate: { ...m.arrivalRate, [firstConfig.id]: total / servers.length },
  });
  if ('reason' in average) return null;
  const first0 = average;
  const s = {
    model: first0.model,
    exact: first0.exact,
    note: `${first0.note}; plus ${fixedMs.toFixed(1)} ms of network and balancer`,
  };
  const out = [row('end-to-end', 'mean latency', s, fixedMs + first0.W * 1000, m.endToEnd.mean, 'ms')];
  if (Number.isFinite(first0.p99) || first0.p99 === Number.POSITIVE_INFINITY)
    out.push(row('end-to-end', 'p99 latency', s, fixedMs + first0.p99 * 1000, m.endToEnd.p99, 'ms'));
  return out;
}

/** A cache under the independent reference model: Che (LRU), FIFO/random, perfect LFU. */
function cacheRow(
  scenario: Scenario,
  node: NodeOfType<'cache'>,
  m: MeasuredForTheory,
): TheoryRow | { reason: string } {
  const measured = m.hitRatio[node.id];
  const clients = scenario.nodes.filter((n): n is NodeOfType<'client'> => n.type === 'client');
  if (clients.length !== 1) return { reason: 'more than one source of keys' };
  if (scenario.nodes.filter((n) => n.type === 'cache').length !== 1)
    return { reason: 'several caches share the keys (sharding): each sees part of the key space' };
  const client = clients[0] as NodeOfType<'client'>;
  const { keys, zipf, readRatio } = client.config;
  const c = node.config;
  if (c.ttlMs !== null) return { reason: 'items expire (TTL): the model assumes they stay until evicted' };
  if (keys > 2_000_000) return { reason: 'key space too large to evaluate here' };
  if (m.disturbed.has(node.id)) return { reason: 'it failed or was flushed during the window' };
  if (!measured) return { reason: 'nothing was looked up yet' };
  const p = zipfProbabilities(keys, zipf);
  const cap = Math.min(c.capacity, keys);
  let predicted: number;
  let model: string;
  switch (c.eviction) {
    case 'lru':
      predicted = cheLru(p, cap).hitRatio;
      model = "LRU, Che's approximation";
      break;
    case 'lfu':
      predicted = perfectLfu(p, cap);
      model = 'LFU, the top keys';
      break;
    default:
      predicted = fifoApprox(p, cap).hitRatio;
      model = `${c.eviction.toUpperCase()} (IRM)`;
  }
  const writes = readRatio < 1 && c.writePolicy !== 'ttl-only';
  return row(
    node.id,
    'hit ratio',
    {
      model,
      exact: !writes,
      note: writes
        ? `independent requests over ${keys.toLocaleString('en-US')} keys, Zipf ${zipf}; writes also remove items, so expect fewer hits than this`
        : `independent requests over ${keys.toLocaleString('en-US')} keys, Zipf ${zipf}; the cache starts empty, so the first seconds miss more`,
    },
    predicted,
    measured,
    'ratio',
  );
}

function pct(x: number): string {
  return `${(x * 100).toFixed(x < 0.01 ? 2 : 1)}%`;
}

function nth(k: number): string {
  if (k === 2) return 'second';
  if (k === 3) return 'third';
  return `${k}th`;
}
