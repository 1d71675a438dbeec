import type { NodeModel } from '../nodes/nodeModel.ts';

/** An edge of the scenario at run time: one-way latency and whether it is cut. */
export class Link {
  cut = false;
  /** Requests sent over this link, for edge thickness in the UI and traffic per edge. */
  sent = 0;
  failed = 0;
  tickSent = 0;
  tickFailed = 0;
  /** The edge was deleted by an edit while running; calls already on it still come back. */
  removed = false;
  // Source, target and latency change when the document is edited while running.
  constructor(
    readonly index: number,
    public source: NodeModel,
    public target: NodeModel,
    public latency: number,
  ) {}
}
