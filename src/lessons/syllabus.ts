import { isNodeType } from '../scenario/components/index.ts';

/**
 * The syllabus, row by row (`shared/SYLLABUS.md`): each topic of Will Larson's "Introduction to
 * Architecting Systems for Scale" and the component types a lesson on it needs. A topic whose
 * types the engine does not simulate yet is "waiting"; the lessons test checks that every
 * other topic has at least one lesson.
 */
export const syllabus = [
  { id: 'horizontal-scaling', title: 'Horizontal scalability', needs: ['loadBalancer', 'server'] },
  { id: 'redundancy', title: 'Redundancy', needs: ['loadBalancer', 'server'] },
  { id: 'failover', title: 'Failover', needs: ['loadBalancer', 'server'] },
  { id: 'balancing-strategies', title: 'Load balancing strategies', needs: ['loadBalancer', 'server'] },
  { id: 'smart-client', title: 'Smart client', needs: ['client', 'server'] },
  { id: 'hardware-vs-software', title: 'Hardware vs software balancer', needs: ['loadBalancer'] },
  { id: 'application-cache', title: 'Application cache', needs: ['cache', 'database'] },
  { id: 'database-cache', title: 'Database cache', needs: ['database'] },
  { id: 'eviction-and-volatility', title: 'In-memory cache: eviction and volatility', needs: ['cache'] },
  { id: 'invalidation', title: 'Cache invalidation', needs: ['cache', 'database'] },
  { id: 'cdn', title: 'CDN', needs: ['cdn'] },
  { id: 'offline-processing', title: 'Offline processing', needs: ['queue', 'workerPool'] },
  { id: 'scheduled-jobs', title: 'Scheduled jobs', needs: ['scheduler'] },
  { id: 'map-reduce', title: 'Map-reduce', needs: ['mapReduce'] },
  { id: 'platform-layer', title: 'Platform layer', needs: ['server', 'loadBalancer', 'cache', 'database'] },
] as const;

export type TopicId = (typeof syllabus)[number]['id'];
export const topicIds = syllabus.map((t) => t.id) as TopicId[];

export function topicTitle(id: TopicId): string {
  return (syllabus.find((t) => t.id === id) as (typeof syllabus)[number]).title;
}

/** The component types a topic needs that the engine does not simulate yet (empty = ready). */
export function missingTypes(id: TopicId): string[] {
  const t = syllabus.find((x) => x.id === id) as (typeof syllabus)[number];
  return t.needs.filter((n) => !isNodeType(n));
}
