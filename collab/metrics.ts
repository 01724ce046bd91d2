/** Counters of the collaboration server, for logs, /healthz-style probes and benchmarks. */
export type CollabMetrics = {
  openDocuments: number;
  connections: number;
  updatesPersisted: number;
  persistBatches: number;
  persistFailures: number;
  closedConnections: Record<string, number>;
  /** Updates refused whole by a document's write rules (ADR 024), by kind of document. */
  refusedUpdates: Record<string, number>;
  /** Upgrades refused, by HTTP status (401 no session, 403 no access or wrong Origin, 429 too many sockets…). */
  refusedUpgrades: Record<string, number>;
  /** Updates held until the writer's earlier history arrived (an honest race after a reconnect). */
  heldUpdates: number;
  /** Documents rebuilt from storage because a refused update had been applied to them (ADR 024). */
  rebuilds: number;
  /** Recent persistence latencies (ms, enqueue → durable), newest last, at most 1,000. */
  persistLatencyMs: number[];
};

export function createMetrics(): CollabMetrics {
  return {
    openDocuments: 0,
    connections: 0,
    updatesPersisted: 0,
    persistBatches: 0,
    persistFailures: 0,
    closedConnections: {},
    refusedUpdates: {},
    refusedUpgrades: {},
    heldUpdates: 0,
    rebuilds: 0,
    persistLatencyMs: [],
  };
}

/** Records one persistence latency, keeping a bounded window. */
export function recordLatency(metrics: CollabMetrics, ms: number) {
  metrics.persistLatencyMs.push(ms);
  if (metrics.persistLatencyMs.length > 1000)
    metrics.persistLatencyMs.splice(0, metrics.persistLatencyMs.length - 1000);
}

/** A percentile (0–100) of a list of numbers, or null when empty. */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** A plain summary for logs and the metrics endpoint. */
export function summariseMetrics(m: CollabMetrics) {
  return {
    openDocuments: m.openDocuments,
    connections: m.connections,
    updatesPersisted: m.updatesPersisted,
    persistBatches: m.persistBatches,
    persistFailures: m.persistFailures,
    closedConnections: m.closedConnections,
    refusedUpdates: m.refusedUpdates,
    refusedUpgrades: m.refusedUpgrades,
    heldUpdates: m.heldUpdates,
    rebuilds: m.rebuilds,
    persistLatencyMs: {
      p50: percentile(m.persistLatencyMs, 50),
      p95: percentile(m.persistLatencyMs, 95),
      p99: percentile(m.persistLatencyMs, 99),
    },
  };
}
