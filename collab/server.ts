import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import type { Logger } from "../app/kernel/logger";
import { canFacilitateCommunity, documentAccess } from "../app/kernel/permissions";
import { schoolYearOf } from "../app/kernel/school-year";
import type { Database } from "../db/client";
import { deleteProjection, saveProjection } from "../db/queries/document-projections";
import { authorizeUpgrade } from "./authorize";
import { CloseCodes } from "./close-codes";
import { Connection, type ConnectionLimits } from "./connection";
import { parseDocumentName } from "./doc-names";
import { refuseUpgrade as sendRefusal } from "./refuse-upgrade";
import { seedDocument } from "./documents/index";
import type { HostedDocument, PersistenceOptions } from "./hosted-document";
import { MentionWatcher, type MentionSink } from "./mentions";
import { createMetrics, summariseMetrics } from "./metrics";
import { DocumentProjector, type ProjectionSink } from "./projector";
import { DocumentRegistry } from "./registry";
import { loadActor, resolveDocumentScope } from "./scope";
import type { SessionValidator } from "./session-validator";
import { createDatabaseStore, type CollabStore } from "./store";

export type CollabServerOptions = {
  db: Database;
  auth: SessionValidator;
  logger: Logger;
  allowedOrigin: (req: IncomingMessage) => boolean;
  store?: CollabStore;
  persistence?: Partial<PersistenceOptions>;
  limits?: Partial<ConnectionLimits>;
  unloadGraceMs?: number;
  /** How often live sessions and access are re-checked for open sockets. */
  recheckMs?: number;
  /** How long after a durable write a document's projection is written, at most. */
  projectionDelayMs?: number;
  /** Where projections are written (default: the database). */
  projections?: ProjectionSink;
  /** Who is told about new @mentions (the process passes the app's notifications; none: nobody is told). */
  mentions?: MentionSink;
};

export type CollabServer = ReturnType<typeof createCollabServer>;

/** Sockets one person may hold on one instance (issue 12: 200 were accepted before). */
export const MAX_SOCKETS_PER_PERSON = 32;

/**
 * The collaboration server: authorises upgrades, hosts documents, persists them, and closes
 * sockets whose session ended or whose access was removed.
 */
export function createCollabServer(options: CollabServerOptions) {
  const { db, auth, logger } = options;
  const metrics = createMetrics();
  const limits: ConnectionLimits = { maxMessageBytes: 2 * 1024 * 1024, burst: 600, perSecond: 300, ...options.limits };
  const persistence: PersistenceOptions = {
    flushDelayMs: 50,
    compactAfterRows: 200,
    maxRetries: 5,
    savedIntervalMs: 250,
    maxDocumentBytes: 5 * 1024 * 1024,
    checkWrites: true,
    ...options.persistence,
  };
  const store = options.store ?? createDatabaseStore(db);
  const projections: ProjectionSink = options.projections ?? {
    save: (row) => saveProjection(db, row),
    drop: (name) => deleteProjection(db, name),
  };
  const delayMs = options.projectionDelayMs ?? 2_000;
  // Mentions are checked after saves on the projection's schedule, off the broadcast path.
  const mentions = options.mentions ? new MentionWatcher(options.mentions, delayMs, logger) : null;
  const projector = new DocumentProjector(projections, delayMs, logger, mentions ? [mentions] : []);
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes * 2 });
  const connections = new Map<Connection, HostedDocument | null>();
  let closing = false;

  const registry = new DocumentRegistry(
    store,
    persistence,
    options.unloadGraceMs ?? 2_000,
    logger,
    metrics,
    (doc) => {
      // Storage kept failing: hand the edits back to the clients (they resend them on reconnect).
      for (const [conn, d] of connections) if (d === doc) conn.close(CloseCodes.storageUnavailable, "saving failed");
      void registry.unload(doc.name, true);
    },
    projector,
  );

  function onClosed(conn: Connection, code: number, reason: string) {
    const doc = connections.get(conn);
    connections.delete(conn);
    metrics.connections--;
    metrics.closedConnections[code] = (metrics.closedConnections[code] ?? 0) + 1;
    logger.info("collab connection closed", {
      ...conn.identity,
      code,
      reason,
      seconds: Math.round((Date.now() - conn.opened) / 1000),
    });
    if (doc && doc.removePeer(conn) === 0) registry.scheduleUnload(doc.name);
  }

  async function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
    socket.on("error", () => socket.destroy());
    const refuseUpgrade = (s: Duplex, status: number, reason: string, message: string) => {
      metrics.refusedUpgrades[status] = (metrics.refusedUpgrades[status] ?? 0) + 1;
      sendRefusal(s, status, reason, message);
    };
    if (closing) return refuseUpgrade(socket, 503, "Service Unavailable", "The server is restarting.");
    let decision;
    try {
      decision = await authorizeUpgrade(req, { db, auth, allowedOrigin: options.allowedOrigin });
    } catch (error) {
      logger.error("could not authorise a collab connection", { error });
      return refuseUpgrade(socket, 503, "Service Unavailable", "Please try again in a moment.");
    }
    if (!decision.ok) {
      logger.info("collab connection refused", { path: req.url, status: decision.status });
      return refuseUpgrade(socket, decision.status, decision.reason, decision.message);
    }
    // Shutdown may have begun while this was being authorised: a socket opened now would never be
    // closed, and the HTTP server would wait for it forever.
    if (closing) return refuseUpgrade(socket, 503, "Service Unavailable", "The server is restarting.");
    const { doc, userId, userName, sessionId, access, isFacilitator, wantsSaved } = decision;
    // One person, many tabs: enough for every document they could have open, not for a flood.
    let open = 0;
    for (const c of connections.keys()) if (c.identity.userId === userId) open++;
    if (open >= MAX_SOCKETS_PER_PERSON) {
      logger.warn("collab connection refused: too many sockets", { userId, open });
      return refuseUpgrade(socket, 429, "Too Many Requests", "Too many live connections are open. Close some tabs.");
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const conn = new Connection(
        ws,
        { userId, sessionId, docName: doc.name, access, isFacilitator },
        wantsSaved,
        limits,
        logger,
        onClosed,
        userName,
        () => {
          metrics.refusedUpdates[doc.kind] = (metrics.refusedUpdates[doc.kind] ?? 0) + 1;
        },
        () => metrics.heldUpdates++,
      );
      connections.set(conn, null);
      metrics.connections++;
      logger.info("collab connection opened", { userId, docName: doc.name, access });
      registry
        .acquire(doc.name, (hosted) => seedDocument(hosted.doc, doc.kind))
        .then(
          (hosted) => {
            if (!connections.has(conn)) {
              if (hosted.peers.size === 0) registry.scheduleUnload(hosted.name);
              return;
            }
            connections.set(conn, hosted);
            // Before the first update is applied: each write is credited to its connection's person.
            mentions?.watch(hosted);
            conn.attach(hosted);
          },
          () => conn.close(CloseCodes.storageUnavailable, "could not load the document"),
        );
    });
  }

  /** Closes every socket of a session at once (sign-out on this instance). */
  function sessionEnded(sessionId: string) {
    for (const conn of connections.keys())
      if (conn.identity.sessionId === sessionId) conn.close(CloseCodes.sessionEnded, "signed out");
  }

  /** Re-checks sessions and access for every open socket (covers other instances and expiry), or one person's. */
  async function recheck(onlyUserId?: string) {
    const conns = [...connections.keys()].filter((c) => !onlyUserId || c.identity.userId === onlyUserId);
    if (conns.length === 0) return;
    const live = await auth.liveSessions([...new Set(conns.map((c) => c.identity.sessionId))]);
    const year = schoolYearOf(new Date());
    const scopes = new Map<string, Awaited<ReturnType<typeof resolveDocumentScope>>>();
    const actors = new Map<string, Awaited<ReturnType<typeof loadActor>>>();
    for (const conn of conns) {
      if (!live.has(conn.identity.sessionId)) {
        conn.close(CloseCodes.sessionEnded, "session ended");
        continue;
      }
      const name = parseDocumentName(conn.identity.docName)!;
      if (!scopes.has(name.name)) scopes.set(name.name, await resolveDocumentScope(db, name, year));
      const scope = scopes.get(name.name);
      const { userId } = conn.identity;
      if (scope && !actors.has(userId)) actors.set(userId, await loadActor(db, userId));
      const access = scope ? documentAccess(actors.get(userId)!, name.kind, scope) : "none";
      if (access === "none") conn.close(CloseCodes.accessRevoked, "access removed");
      else conn.setAccess(access, canFacilitateCommunity(actors.get(userId)!, scope!));
    }
  }

  const timer = setInterval(() => {
    recheck().catch((error) => logger.warn("could not re-check collab sessions", { error }));
  }, options.recheckMs ?? 20_000);
  timer.unref();

  /**
   * A person's memberships changed on this instance (removed from a cohort or moved out of a
   * community): their sockets are re-checked now, not at the next periodic re-check, so writes
   * after the removal are refused at once.
   */
  function accessChanged(userId: string) {
    const held = [...connections.keys()].filter((c) => c.identity.userId === userId);
    for (const conn of held) conn.pause();
    recheck(userId)
      .catch((error) => {
        // Could not decide: closing is the safe answer (the client reconnects and is authorised afresh).
        logger.warn("could not re-check a person's collab access", { error });
        for (const conn of held) conn.close(CloseCodes.storageUnavailable, "access could not be checked");
      })
      .finally(() => {
        for (const conn of held) conn.resume();
      });
  }

  return {
    handleUpgrade,
    sessionEnded,
    accessChanged,
    recheck: () => recheck(),
    metrics,
    summary: () => summariseMetrics(metrics),
    registry,
    /** Graceful shutdown: refuse new sockets, tell clients to reconnect elsewhere, flush everything. */
    async close() {
      closing = true;
      clearInterval(timer);
      for (const conn of connections.keys()) conn.close(CloseCodes.serverRestarting, "server restarting");
      await registry.unloadAll();
      wss.close();
    },
  };
}
