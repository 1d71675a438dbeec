import type { NodeModel } from '../nodes/nodeModel.ts';

/** An edge of the scenario at run time: one-way latency and whether it is cut. */
export class Link {
  cut = false;
  /** Requests sent over this link, for edge thickness in the UI and traffic per edge. */
  sent = 0;
  failed = 0;
  tickSent = 0;
  tickFailed = 0;
  constructor(
    readonly index: number,
    readonly source: NodeModel,
    readonly target: NodeModel,
    readonly latency: number,
  ) {}
}
