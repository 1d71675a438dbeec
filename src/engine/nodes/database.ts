import { databaseProfiles } from '../../scenario/components/database.ts';
import type { NodeOfType } from '../../scenario/document.ts';
import { CAUSE, type Call } from '../core/request.ts';
import type { Simulation } from '../simulation.ts';
import { NodeModel } from './nodeModel.ts';
import { createServiceSampler } from './serviceTime.ts';
import { Station } from './station.ts';

type DatabaseNode = NodeOfType<'database'>;

/**
 * A database: a primary with `connections` concurrent queries and a queue, plus read
 * replicas with the same. Writes go to the primary; reads take turns over the replicas
 * (or the primary when there are none).
 */
export class DatabaseModel extends NodeModel {
  private stations: Station[] = [];
  private nextReplica = 0;
  private readonly speed: number;
  reads = 0;
  writes = 0;

  constructor(
    sim: Simulation,
    index: number,
    readonly node: DatabaseNode,
  ) {
    super(sim, index, node.id, 'database');
    this.speed = databaseProfiles[node.config.profile].speed;
  }

  override init(): void {
    const c = this.node.config;
    const rng = this.sim.rng(`service:${this.id}`);
    const sampler = createServiceSampler(c.serviceDistribution, c.serviceCv, rng);
    for (let i = 0; i <= c.readReplicas; i++)
      this.stations.push(new Station(this, c.connections, c.queueLimit, sampler));
  }

  capacity(): number {
    return this.node.config.connections * (1 + this.node.config.readReplicas);
  }

  costPerMonth(): number {
    const one = this.node.config.costPerMonth ?? databaseProfiles[this.node.config.profile].costPerMonth;
    return one * (1 + this.node.config.readReplicas);
  }

  receive(call: Call): void {
    if (!this.up) {
      this.sim.failCall(call, CAUSE.nodeDown, this.index);
      return;
    }
    const c = this.node.config;
    const isRead = call.req.isRead;
    let station = 0;
    if (isRead) {
      this.reads++;
      if (c.readReplicas > 0) {
        station = 1 + this.nextReplica;
        this.nextReplica = (this.nextReplica + 1) % c.readReplicas;
      }
    } else this.writes++;
    call.stage = station;
    (this.stations[station] as Station).arrive(call, (isRead ? c.readTimeMs : c.writeTimeMs) * this.speed);
  }

  override onServiceDone(call: Call): void {
    if (!call.alive) return;
    const stats = this.stats;
    stats.served++;
    stats.timeInNodeSum += this.sim.now - call.arrivedAt;
    (this.stations[call.stage] as Station).release(call);
    this.sim.respond(call);
  }

  override forEachHeldCall(visit: (call: Call) => void): void {
    for (const s of this.stations) s.forEachCall(visit);
  }

  override fail(): void {
    super.fail();
    for (const s of this.stations)
      for (const call of s.crash()) {
        call.alive = false;
        this.sim.failCall(call, CAUSE.crash, this.index);
      }
  }

  override onWindowReset(): void {
    this.reads = 0;
    this.writes = 0;
  }

  override extraReport(): Record<string, unknown> {
    return { reads: this.reads, writes: this.writes };
  }
}
