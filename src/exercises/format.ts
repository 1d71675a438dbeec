import type { Verdict } from './evaluate.ts';

/** A verdict as plain text, for the command line (the UI draws its own). */
export function formatVerdict(v: Verdict): string {
  const lines: string[] = [];
  lines.push(`${v.title}`);
  lines.push(v.passed ? 'PASSED — every goal is met.' : `NOT YET — ${failures(v)}.`);
  lines.push('');
  const labelWidth = Math.min(
    60,
    Math.max(20, ...v.conditions.map((c) => c.label.length), ...v.constraints.map((c) => c.label.length)),
  );
  lines.push('Goal');
  for (const c of v.conditions) {
    lines.push(`  ${c.passed ? '✓' : '✗'} ${c.label.padEnd(labelWidth)}  measured ${c.measuredText}`);
    if (!c.passed && c.hint) lines.push(`      hint: ${c.hint}`);
  }
  if (v.constraints.length > 0) {
    lines.push('');
    lines.push('Design');
    for (const c of v.constraints) {
      lines.push(`  ${c.passed ? '✓' : '✗'} ${c.label.padEnd(labelWidth)}  ${c.detail}`);
      if (!c.passed && c.hint) lines.push(`      hint: ${c.hint}`);
    }
  }
  if (v.notes.length > 0) {
    lines.push('');
    for (const n of v.notes) lines.push(`Note: ${n}`);
  }
  return lines.join('\n');
}

function failures(v: Verdict): string {
  const goals = v.conditions.filter((c) => !c.passed).length;
  const design = v.constraints.filter((c) => !c.passed).length;
  const parts: string[] = [];
  if (goals > 0)
    parts.push(`${goals} of ${v.conditions.length} goal${v.conditions.length === 1 ? '' : 's'} missed`);
  if (design > 0) parts.push(`${design} design constraint${design === 1 ? '' : 's'} broken`);
  return parts.join(', ');
}

/** The verdict without the report and scenario: what `grade --json` prints. */
export function verdictJson(v: Verdict): Record<string, unknown> {
  const r = v.report;
  return {
    passed: v.passed,
    title: v.title,
    conditions: v.conditions,
    constraints: v.constraints,
    notes: v.notes,
    run: r
      ? {
          seed: r.scenario.seed,
          duration: r.scenario.duration,
          warmup: r.scenario.warmup,
          requests: r.requests,
          throughput: r.throughput,
          errorRate: r.errorRate,
          latencyMs: { p50: r.latencyMs.p50, p95: r.latencyMs.p95, p99: r.latencyMs.p99 },
          costPerMonth: r.costPerMonth,
        }
      : null,
  };
}
