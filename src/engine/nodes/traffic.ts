import type { TrafficPattern } from '../../scenario/components/client.ts';

/** A client's request rate over time (req/s at time t in seconds) and its peak. */
export interface RateFunction {
  at(tS: number): number;
  max: number;
}

export function createRateFunction(rps: number, p: TrafficPattern): RateFunction {
  switch (p.type) {
    case 'constant':
      return { at: () => rps, max: rps };
    case 'ramp': {
      const span = Math.max(1e-9, p.endS - p.startS);
      return {
        at: (t) =>
          t <= p.startS ? rps : t >= p.endS ? p.toRps : rps + ((p.toRps - rps) * (t - p.startS)) / span,
        max: Math.max(rps, p.toRps),
      };
    }
    case 'step':
      return { at: (t) => (t < p.atS ? rps : p.toRps), max: Math.max(rps, p.toRps) };
    case 'spike':
      return {
        at: (t) => (t >= p.atS && t < p.atS + p.forS ? rps * p.factor : rps),
        max: rps * Math.max(1, p.factor),
      };
    case 'diurnal':
      return {
        at: (t) => rps * (1 + p.amplitude * Math.sin((2 * Math.PI * t) / p.periodS)),
        max: rps * (1 + p.amplitude),
      };
  }
}
