import type { Report } from '../engine/index.ts';

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const pct = (n: number) => `${(100 * n).toFixed(n > 0 && n < 0.001 ? 3 : 1)}%`;

/** The human-readable summary `scalelab simulate` prints. */
export function formatReport(r: Report, run: { wallMs: number; events: number }): string {
  const lines: string[] = [];
  const s = r.scenario;
  lines.push(
    `${s.title} — seed ${s.seed}, ${s.duration} s simulated${s.warmup > 0 ? ` (first ${s.warmup} s warm-up, not counted)` : ''}`,
  );
  lines.push('');
  const q = r.requests;
  lines.push(
    `Requests    ${int(q.generated)} sent · ${int(q.completed)} answered · ${int(q.failed)} failed (${pct(r.errorRate)}) · ${int(q.inFlight)} still in flight`,
  );
  lines.push(`Throughput  ${r.throughput.toFixed(1)} requests/s answered`);
  const l = r.latencyMs;
  lines.push(
    `Latency     mean ${ms(l.mean)} ms · p50 ${ms(l.p50)} · p95 ${ms(l.p95)} · p99 ${ms(l.p99)} · max ${ms(l.max)} ms`,
  );
  const errs = Object.entries(r.errors).filter(([, n]) => n > 0);
  lines.push(
    `Errors      ${errs.length === 0 ? 'none' : errs.map(([c, n]) => `${c} ${int(n)}`).join(' · ')}`,
  );
  lines.push(`Cost        $${int(r.costPerMonth)} per month`);
  lines.push('');
  const rows = Object.entries(r.nodes);
  const idWidth = Math.max(4, ...rows.map(([id]) => id.length)) + 2;
  lines.push(
    `${'node'.padEnd(idWidth)}${'type'.padEnd(14)}${'busy'.padStart(7)}${'served'.padStart(11)}${'per s'.padStart(10)}${'queue'.padStart(9)}${'wait ms'.padStart(10)}${'time ms'.padStart(10)}  errors`,
  );
  for (const [id, n] of rows) {
    const nodeErrs = Object.entries(n.errors)
      .map(([c, k]) => `${c} ${int(k)}`)
      .join(', ');
    lines.push(
      `${id.padEnd(idWidth)}${n.type.padEnd(14)}${(n.type === 'client' ? '' : pct(n.utilization)).padStart(7)}${int(n.served).padStart(11)}${n.throughput.toFixed(1).padStart(10)}${n.meanQueueLength.toFixed(2).padStart(9)}${ms(n.meanWaitMs).padStart(10)}${ms(n.meanTimeMs).padStart(10)}  ${n.up ? '' : '[down] '}${nodeErrs}`,
    );
  }
  const cacheLines = rows.flatMap(([id, n]) => cacheLine(id.padEnd(idWidth), n));
  if (cacheLines.length > 0) {
    lines.push('');
    lines.push('Caches');
    lines.push(...cacheLines);
  }
  const jobLines = rows.flatMap(([id, n]) => jobLine(id.padEnd(idWidth), n));
  if (jobLines.length > 0) {
    lines.push('');
    lines.push('Background jobs');
    lines.push(...jobLines);
  }
  const standbyLines = rows.flatMap(([id, n]) => standbyLine(id.padEnd(idWidth), n));
  if (standbyLines.length > 0) {
    lines.push('');
    lines.push('Standby balancers');
    lines.push(...standbyLines);
  }
  if (r.faults.length > 0) {
    lines.push('');
    lines.push('Faults');
    for (const f of r.faults) {
      const until =
        f.action === 'flush' || f.action === 'run'
          ? 'at once'
          : f.endS === null
            ? 'to the end'
            : `until ${f.endS.toFixed(1)} s`;
      const what = `${f.action}${f.factor !== undefined ? ` ×${f.factor}` : ''} ${f.target}`;
      const hurt =
        f.failedRequests === 0
          ? 'no user request failed because of it'
          : `${int(f.failedRequests)} requests failed (${Object.entries(f.errors)
              .map(([c, n]) => `${c} ${int(n)}`)
              .join(
                ', ',
              )}) between ${(f.firstFailureS ?? 0).toFixed(1)} s and ${(f.lastFailureS ?? 0).toFixed(1)} s`;
      const seen =
        f.detections.length > 0
          ? `; noticed by ${f.detections.map((d) => `${d.by} after ${int(d.afterMs)} ms`).join(', ')}`
          : '';
      lines.push(`  ${f.startS.toFixed(1)} s  ${what} (${until}): ${hurt}${seen}`);
    }
  }
  if (r.failures.length > 0) {
    lines.push('');
    lines.push('What failed');
    for (const b of r.failures.slice(0, 12)) {
      const f = b.fault === null ? null : r.faults[b.fault];
      const why = f ? `${f.action} ${f.target} at ${f.startS.toFixed(1)} s` : 'no fault: overload or limits';
      lines.push(`  ${int(b.count).padStart(9)}  ${b.cause} at ${b.node} (${why})`);
    }
    if (r.failures.length > 12) lines.push(`  …and ${r.failures.length - 12} more rows`);
  }
  lines.push('');
  lines.push(
    `Simulated ${int(run.events)} events in ${(run.wallMs / 1000).toFixed(2)} s (${int(q.generated / Math.max(run.wallMs / 1000, 1e-9))} requests per second of wall time).`,
  );
  return lines.join('\n');
}

type NodeReport = Report['nodes'][string];

/** One line per cache: hit ratio and what the eviction policy did. */
function cacheLine(id: string, n: NodeReport): string[] {
  const num = (k: string) => (typeof n[k] === 'number' ? (n[k] as number) : 0);
  if (n.type === 'cache')
    return [
      `  ${id}hit ${pct(num('hitRatio'))} (${int(num('hits'))} hits · ${int(num('misses'))} misses) · ${int(num('evictions'))} evicted · ${int(num('expired'))} expired · ${int(num('staleReads'))} stale reads · ${int(num('size'))} of ${int(num('capacityItems'))} items · ${String(n.eviction)}, ${String(n.writePolicy)}`,
    ];
  if (n.type === 'cdn')
    return [
      `  ${id}edge hit ${pct(num('hitRatio'))} of ${int(num('staticRequests'))} static requests · ${int(num('dynamicRequests'))} dynamic passed on · origin offload ${pct(num('offload'))} · ${int(num('size'))} of ${int(num('capacityItems'))} files`,
    ];
  const rows = n.rowCache as { hitRatio: number; hits: number; misses: number; size: number } | undefined;
  if (n.type === 'database' && rows)
    return [
      `  ${id}row cache hit ${pct(rows.hitRatio)} (${int(rows.hits)} hits · ${int(rows.misses)} misses) · ${int(rows.size)} rows in memory`,
    ];
  return [];
}

/** A balancer with a standby (a pair edge's or the built-in one): who serves, how often it failed over. */
function standbyLine(id: string, n: NodeReport): string[] {
  const standby = n.standby as
    | { partner?: string; ready: boolean; serving: boolean; failovers: number }
    | null
    | undefined;
  if (n.type !== 'loadBalancer' || !standby) return [];
  const who = standby.partner === undefined ? 'built-in standby' : `standby ${standby.partner}`;
  const serving = standby.serving
    ? `${standby.partner ?? 'the standby'} serving in its place`
    : `${id.trim()} serving`;
  const ready = standby.ready ? 'standby ready' : 'standby down';
  return [
    `  ${id}${who} · ${serving} · ${int(standby.failovers)} failover${standby.failovers === 1 ? '' : 's'} · ${ready}`,
  ];
}

/** Queues: publish and consume rates, backlog, lag; worker pools: jobs done and given back. */
function jobLine(id: string, n: NodeReport): string[] {
  const num = (k: string) => (typeof n[k] === 'number' ? (n[k] as number) : 0);
  if (n.type === 'queue') {
    const lag = n.jobLagMs as { mean: number; p50: number; p95: number; p99: number };
    const lost = num('dropped') > 0 ? `${int(num('dropped'))} dropped (queue full)` : 'none dropped';
    return [
      `  ${id}${int(num('published'))} published (${num('publishRate').toFixed(1)}/s) · ${int(num('completed'))} done (${num('consumeRate').toFixed(1)}/s) · ${lost} · ${int(num('redelivered'))} redelivered · depth ${int(num('depth'))} (max ${int(num('maxDepth'))}, mean ${n.meanQueueLength.toFixed(1)})`,
      `  ${' '.repeat(id.length)}job lag mean ${ms(lag.mean)} ms · p50 ${ms(lag.p50)} · p95 ${ms(lag.p95)} · p99 ${ms(lag.p99)} ms`,
    ];
  }
  if (n.type === 'scheduler')
    return [
      `  ${id}${int(num('runs'))} runs · ${int(num('jobsSent'))} jobs sent · ${int(num('jobsDone'))} done · ${int(num('jobsFailed'))} failed · a run takes ${ms(num('meanRunMs'))} ms on average`,
    ];
  if (n.type === 'mapReduce') {
    const jobs =
      (n.jobs as Array<{ mapMs: number; shuffleMs: number; reduceMs: number; totalMs: number }>) ?? [];
    const last = jobs.at(-1);
    return [
      `  ${id}${int(num('jobsDone'))} jobs done, ${ms(num('meanJobMs') / 1000)} s each on average · ${int(num('tasksRerun'))} tasks re-run · ${int(num('stragglers'))} stragglers · ${int(num('liveWorkers'))} workers up${last ? ` · last job: map ${ms(last.mapMs / 1000)} s, shuffle ${ms(last.shuffleMs / 1000)} s, reduce ${ms(last.reduceMs / 1000)} s` : ''}`,
    ];
  }
  if (n.type === 'workerPool')
    return [
      `  ${id}${int(num('jobsDone'))} jobs done · ${int(num('jobsGivenBack'))} given back to the queue (crash or failed call) · ${pct(n.utilization)} busy`,
    ];
  return [];
}
