import type { TrafficPattern } from '../../scenario/components/client.ts';

export type PatternType = TrafficPattern['type'];

export const patternLabels: Record<PatternType, string> = {
  constant: 'Constant',
  ramp: 'Ramp',
  step: 'Step',
  spike: 'Spike',
  diurnal: 'Daily wave',
};

/** Titles and units for the variants' fields (the schema gives them ranges but no words). */
export const patternFieldText: Record<string, { title: string; unit?: string; description: string }> = {
  toRps: { title: 'Rate after', unit: 'req/s', description: 'The rate the traffic reaches.' },
  startS: { title: 'Starts at', unit: 's', description: 'When the ramp starts, in simulated seconds.' },
  endS: { title: 'Ends at', unit: 's', description: 'When the ramp reaches its rate.' },
  atS: { title: 'At', unit: 's', description: 'When it happens, in simulated seconds.' },
  factor: { title: 'Multiplier', unit: '×', description: 'The rate is multiplied by this during the spike.' },
  forS: { title: 'Lasts', unit: 's', description: 'How long the spike lasts.' },
  amplitude: {
    title: 'Swing',
    unit: '0–1',
    description: 'How far the rate rises above and falls below its mean: 0.5 means ±50%.',
  },
  periodS: {
    title: 'Period',
    unit: 's',
    description: 'The length of one "day": rise, peak, fall and trough.',
  },
};

/** A sensible starting shape when someone switches the pattern type. */
export function defaultPattern(type: PatternType, rps: number, durationS: number): TrafficPattern {
  const at = (share: number) => Math.round(durationS * share);
  switch (type) {
    case 'constant':
      return { type };
    case 'ramp':
      return { type, toRps: rps * 2, startS: 0, endS: Math.max(1, at(1)) };
    case 'step':
      return { type, toRps: rps * 2, atS: at(0.5) };
    case 'spike':
      return { type, factor: 3, atS: at(1 / 3), forS: Math.max(1, at(0.1)) };
    case 'diurnal':
      return { type, amplitude: 0.5, periodS: Math.max(1, at(0.5)) };
  }
}

/**
 * The request rate at time `t` for the preview sketch. It shows the shape a setting gives; the
 * engine's own generator is the authority on exact arrival times.
 */
export function rateAt(p: TrafficPattern, rps: number, t: number): number {
  switch (p.type) {
    case 'constant':
      return rps;
    case 'ramp': {
      if (t <= p.startS) return rps;
      if (t >= p.endS) return p.toRps;
      return rps + ((p.toRps - rps) * (t - p.startS)) / (p.endS - p.startS);
    }
    case 'step':
      return t < p.atS ? rps : p.toRps;
    case 'spike':
      return t >= p.atS && t < p.atS + p.forS ? rps * p.factor : rps;
    case 'diurnal':
      return rps * (1 + p.amplitude * Math.sin((2 * Math.PI * t) / p.periodS));
  }
}
