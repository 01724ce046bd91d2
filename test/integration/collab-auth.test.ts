/**
 * Who may open a live document: the upgrade is refused with the right HTTP status before any
 * WebSocket exists; read-only really is read-only against a modified client; and sockets close
 * when the session ends or access is taken away.
 */
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CloseCodes } from "../../collab/close-codes";
import { addQuestion, listQuestions } from "../../collab/documents/hmw";
import { createDatabaseStore } from "../../collab/store";
import { countDocumentRows } from "../../db/queries/collab";
import { addCohortMembers } from "../../db/queries/cohort-members";
import { moveLeaderBetweenCommunities } from "../../app/features/communities/service.server";
import { communityMembers, sessions } from "../../db/schema/index";
import type { RunningCommons } from "../../server/start";
import { startTestApp, TestClient } from "../support/app";
import { upgradeStatus, waitFor } from "../support/collab";
import {
  closeCode,
  collabUrl,
  connectAt,
  frames,
  makeCommunity,
  openRaw,
  replicaOf,
  signIn,
} from "../support/collab-fixtures";
import { testDatabases } from "../support/databases";
import { makeUser, TEST_PASSWORD } from "../support/factories";

describe.each(await testDatabases())("live document access on $name", (database) => {
  let app: RunningCommons;
  let fx: Awaited<ReturnType<typeof makeCommunity>>;
  const cookies: Record<"a" | "b" | "outsider" | "sip", string> = { a: "", b: "", outsider: "", sip: "" };
  const headers = (cookie: string, origin: string | null = app.url) => ({
    ...(cookie ? { Cookie: cookie } : {}),
    ...(origin ? { Origin: origin } : {}),
  });
  const url = (docName = fx.docName) => collabUrl(app.url, docName);

  beforeAll(async () => {
    app = await startTestApp(await database.open());
    fx = await makeCommunity(app.services.db);
    for (const key of Object.keys(cookies) as Array<keyof typeof cookies>)
      cookies[key] = await signIn(app.url, fx.users[key].email);
  });
  afterAll(() => app?.close());

  it("answers every refused upgrade with the right status, and upgrades members and the SIP", async () => {
    const ended = new TestClient(app.url);
    await ended.signIn(fx.users.a.email, TEST_PASSWORD);
    const endedCookie = ended.cookieHeader;
    expect((await ended.post("/logout", {})).status).toBe(302);

    const cases: Array<[string, string, Record<string, string>, number]> = [
      ["no cookie", url(), headers(""), 401],
      ["a signed-out session", url(), headers(endedCookie), 401],
      ["a made-up session", url(), headers("__Host-commons_session=abcdefghijklmnopqrstuvwxyz"), 401],
      ["another site's Origin", url(), headers(cookies.a, "https://evil.example"), 403],
      ["no Origin", url(), headers(cookies.a, null), 403],
      ["a signed-in non-member", url(), headers(cookies.outsider), 403],
      ["an unknown document", url(`inquiry.${randomUUID()}`), headers(cookies.a), 404],
      ["a session-notes document (none exist yet)", url(`session-notes.${randomUUID()}`), headers(cookies.a), 404],
      ["a bad name", url("nope.123"), headers(cookies.a), 404],
      ["a known kind with a bad id", url("inquiry.123"), headers(cookies.a), 404],
      ["a member", url(), headers(cookies.a), 101],
      ["the other member", url(), headers(cookies.b), 101],
      ["the SIP of a member's school", url(), headers(cookies.sip), 101],
    ];
    const results = await Promise.all(cases.map(([, u, h]) => upgradeStatus(u, h)));
    expect(Object.fromEntries(cases.map(([what], i) => [what, results[i]]))).toEqual(
      Object.fromEntries(cases.map(([what, , , s]) => [what, s])),
    );
  });

  it("drops a modified read-only client's writes while it keeps receiving the writers' edits", async () => {
    const docName = `hmw.${fx.community.id}`;
    const writer = connectAt(app.url, docName, cookies.a);
    const sip = await openRaw(url(docName), headers(cookies.sip));
    try {
      await waitFor(() => writer.provider.synced, "the writer to sync");
      // Writes a member would be allowed (questions drafted in the SIP's own name) plus a forged
      // schema version: the SIP reads only, so none of it may reach the document.
      const sipUser = fx.users.sip;
      const forged = new Y.Doc();
      addQuestion(forged, { text: "SIP update frame question", authorId: sipUser.id, authorName: sipUser.name });
      const forged2 = new Y.Doc();
      addQuestion(forged2, { text: "SIP sync step 2 question", authorId: sipUser.id, authorName: sipUser.name });
      forged2.getMap("meta").set("schemaVersion", 99);
      const refusedBefore = app.collab.metrics.refusedUpdates.hmw ?? 0;
      sip.send(frames.syncStep1(new Y.Doc()));
      sip.send(frames.update(Y.encodeStateAsUpdate(forged)));
      sip.send(frames.syncStep2(forged2));
      // Frames of one socket are handled in order: once this is answered, the writes were handled.
      const before = sip.frames.length;
      sip.send(frames.queryAwareness());
      await waitFor(() => sip.frames.slice(before).some((f) => f[0] === 1), "the answer to query-awareness");

      const { a } = fx.users;
      addQuestion(writer.doc, { text: "written by a member", authorId: a.id, authorName: a.name });
      const questions = (doc: Y.Doc) => listQuestions(doc).map((q) => `${q.text} (${q.authorId})`);
      const expected = [`written by a member (${a.id})`];
      await waitFor(() => questions(replicaOf(sip.frames)).includes(expected[0]), "the writer's edit at the SIP");
      expect(questions(replicaOf(sip.frames))).toEqual(expected);
      await waitFor(async () => (await countDocumentRows(app.services.db, docName)) > 0, "the edit in the database");
      expect(sip.ws.readyState).toBe(sip.ws.OPEN);
      // Read-only writes are dropped, not judged by the write rules.
      expect(app.collab.metrics.refusedUpdates.hmw ?? 0).toBe(refusedBefore);
      expect(questions(writer.doc)).toEqual(expected);
      expect(writer.doc.getMap("meta").get("schemaVersion")).toBe(1);

      writer.provider.destroy();
      await app.collab.registry.unload(docName);
      const fresh = new Y.Doc();
      await createDatabaseStore(app.services.db).load(docName, fresh);
      expect(questions(fresh)).toEqual(expected);
      expect(fresh.getMap("meta").get("schemaVersion")).toBe(1);
    } finally {
      writer.provider.destroy();
      sip.ws.close();
    }
  });

  it("closes every socket of a session with 4401 when that person signs out, and no one else's", async () => {
    const client = new TestClient(app.url);
    await client.signIn(fx.users.b.email, TEST_PASSWORD);
    const cookie = client.cookieHeader;
    const mine = await Promise.all([
      openRaw(url(), headers(cookie)),
      openRaw(url(`hmw.${fx.community.id}`), headers(cookie)),
    ]);
    const other = await openRaw(url(), headers(cookies.b));
    try {
      const started = Date.now();
      expect((await client.post("/logout", {})).status).toBe(302);
      expect(await Promise.all(mine.map((s) => closeCode(s, 2_000)))).toEqual([
        CloseCodes.sessionEnded,
        CloseCodes.sessionEnded,
      ]);
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(other.ws.readyState).toBe(other.ws.OPEN);
      expect(await upgradeStatus(url(), headers(cookie))).toBe(401);
    } finally {
      other.ws.close();
    }
  });

  it("closes the sockets of the session a browser had when someone signs in on it as another person", async () => {
    const client = new TestClient(app.url);
    await client.signIn(fx.users.b.email, TEST_PASSWORD);
    const before = await openRaw(url(), headers(client.cookieHeader));
    const started = Date.now();
    await client.signIn(fx.users.a.email, TEST_PASSWORD);
    expect(await closeCode(before, 2_000)).toBe(CloseCodes.sessionEnded);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("refuses an expired session (401) and closes its open sockets with 4401 at the next re-check", async () => {
    const cookie = await signIn(app.url, fx.users.b.email);
    const sessionId = cookie.match(/commons_session=([^;]+)/)![1]; // the device cookie rides along
    const expiring = await openRaw(url(), headers(cookie));
    const other = await openRaw(url(), headers(cookies.b));
    try {
      await app.services.db
        .update(sessions)
        .set({ expiresAt: new Date(Date.now() - 60_000) })
        .where(eq(sessions.id, sessionId));
      expect(await upgradeStatus(url(), headers(cookie))).toBe(401);
      expect(expiring.ws.readyState).toBe(expiring.ws.OPEN);
      await app.collab.recheck();
      expect(await closeCode(expiring)).toBe(CloseCodes.sessionEnded);
      expect(other.ws.readyState).toBe(other.ws.OPEN);
    } finally {
      other.ws.close();
      expiring.ws.close();
    }
  });

  it("closes with 4403 once access is removed and the server re-checks", async () => {
    const db = app.services.db;
    const c = await makeUser(db, fx.authority.id, [{ role: "school_leader", schoolId: fx.schools[2].id }], {
      name: "Cleo Leaving",
    });
    await db.insert(communityMembers).values({ communityId: fx.community.id, userId: c.id });
    const cookie = await signIn(app.url, c.email);
    const leaving = await openRaw(url(), headers(cookie));
    const staying = await openRaw(url(), headers(cookies.a));
    try {
      await app.collab.recheck();
      expect(leaving.ws.readyState).toBe(leaving.ws.OPEN);

      await db
        .delete(communityMembers)
        .where(and(eq(communityMembers.communityId, fx.community.id), eq(communityMembers.userId, c.id)));
      await app.collab.recheck();
      expect(await closeCode(leaving)).toBe(CloseCodes.accessRevoked);
      expect(staying.ws.readyState).toBe(staying.ws.OPEN);
      expect(await upgradeStatus(url(), headers(cookie))).toBe(403);
    } finally {
      staying.ws.close();
      leaving.ws.close();
    }
  });

  it("closes a removed member's sockets at once when a facilitator moves them out, without waiting for the re-check", async () => {
    const db = app.services.db;
    const d = await makeUser(db, fx.authority.id, [{ role: "school_leader", schoolId: fx.schools[2].id }], {
      name: "Dev Moving",
    });
    await addCohortMembers(db, fx.cohort.id, [d.id], "leader");
    await db.insert(communityMembers).values({ communityId: fx.community.id, userId: d.id });
    const cookie = await signIn(app.url, d.email);
    const leaving = await openRaw(url(), headers(cookie));
    const staying = await openRaw(url(), headers(cookies.a));
    try {
      const moved = await moveLeaderBetweenCommunities(app.services, fx.cohort.id, { userId: d.id, communityId: null });
      expect(moved.ok).toBe(true);
      // The periodic re-check is 20 s away; the socket closes well within 2 s.
      expect(await closeCode(leaving, 2_000)).toBe(CloseCodes.accessRevoked);
      expect(staying.ws.readyState).toBe(staying.ws.OPEN);
    } finally {
      staying.ws.close();
      leaving.ws.close();
    }
  });
});
