/**
 * Resource playlists: who may open a community's or the cohort's playlist (HTTP and WebSocket),
 * leaders' progress and suggestions with their validation, and facilitators' decisions.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { documentName } from "../../collab/doc-names";
import { addItem, initPlaylist, listItems } from "../../collab/documents/playlist";
import { createDatabaseStore } from "../../collab/store";
import { appendDocumentUpdate, countDocumentRows } from "../../db/queries/collab";
import { createSuggestion } from "../../db/queries/playlists";
import { cohortMembers, playlistProgress, resourceSuggestions } from "../../db/schema/index";
import type { RunningCommons } from "../../server/start";
import { startTestApp, TestClient, visible } from "../support/app";
import { upgradeStatus, waitFor } from "../support/collab";
import { collabUrl, connectAt, frames, openRaw, replicaOf, signIn } from "../support/collab-fixtures";
import { testDatabases } from "../support/databases";
import { makeCommunityWithPeople, makeUser, TEST_PASSWORD } from "../support/factories";

const item = {
  url: "https://educationendowmentfoundation.org.uk/guidance",
  type: "reading" as const,
  minutes: 30,
  why: "Evidence",
  addedBy: "Fay",
};

/** Writes a playlist document with these titles straight to the database; returns the item ids. */
async function seedPlaylist(app: RunningCommons, docName: string, titles: string[]) {
  const doc = new Y.Doc();
  initPlaylist(doc);
  const ids = titles.map((title, i) => addItem(doc, { ...item, title, url: `${item.url}/${docName}/${i}` }));
  await appendDocumentUpdate(app.services.db, docName, Y.encodeStateAsUpdate(doc));
  return ids;
}

describe.each(await testDatabases())("resource playlists on $name", (database) => {
  let app: RunningCommons;
  let world: Awaited<ReturnType<typeof makeCommunityWithPeople>>;
  let outsiderEmail: string;
  let cleo: { id: string; email: string };
  const clients: Record<"ada" | "ben" | "fay" | "sam" | "outsider" | "cleo", TestClient> = {} as never;
  let communityPath: string;
  let cohortPath: string;
  let communityItems: string[];
  let cohortItems: string[];

  /** Loader or action data as JSON (Remix's `_data`), with the status. */
  const data = async (who: keyof typeof clients, path: string, fields?: Record<string, string>) => {
    const routeId = path.startsWith("/communities")
      ? "routes/communities.$communityId.playlist"
      : "routes/cohorts.$cohortId.playlist";
    const url = `${path}?_data=${encodeURIComponent(routeId)}`;
    const res = fields ? await clients[who].post(url, fields) : await clients[who].request(url);
    const text = await res.text();
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(text);
    } catch {
      body = { text };
    }
    return { status: res.status, body };
  };
  const progressRows = (userId: string) =>
    app.services.db.select().from(playlistProgress).where(eq(playlistProgress.userId, userId));
  const suggestion = async (id: string) =>
    (await app.services.db.select().from(resourceSuggestions).where(eq(resourceSuggestions.id, id)))[0];

  beforeAll(async () => {
    app = await startTestApp(await database.open());
    const db = app.services.db;
    world = await makeCommunityWithPeople(db);
    const outsider = await makeUser(db, world.authority.id, [{ role: "facilitator" }], { name: "Olive Outsider" });
    outsiderEmail = outsider.email;
    // A leader of the cohort who is not in the community.
    cleo = await makeUser(db, world.authority.id, [{ role: "school_leader", schoolId: world.schools[1].id }], {
      name: "Cleo Cohort",
    });
    await db.insert(cohortMembers).values({ cohortId: world.cohort.id, userId: cleo.id, role: "leader" });
    const emails = {
      ada: world.people.ada.email,
      ben: world.people.ben.email,
      fay: world.people.fay.email,
      sam: world.people.sam.email,
      outsider: outsiderEmail,
      cleo: cleo.email,
    };
    for (const [key, email] of Object.entries(emails)) {
      const client = new TestClient(app.url);
      expect((await client.signIn(email, TEST_PASSWORD)).status).toBe(302);
      clients[key as keyof typeof clients] = client;
    }
    communityPath = `/communities/${world.community.id}/playlist`;
    cohortPath = `/cohorts/${world.cohort.id}/playlist`;
    communityItems = await seedPlaylist(app, documentName("playlist", world.community.id), [
      "Working with parents",
      "Tuning protocol",
    ]);
    cohortItems = await seedPlaylist(app, documentName("playlist", world.cohort.id), ["Implementation guide"]);
  });
  afterAll(() => app?.close());

  it("opens each playlist to the right people with the right part, and to nobody else", async () => {
    const cases: Array<[keyof typeof clients, string, number]> = [
      ["ada", communityPath, 200],
      ["fay", communityPath, 200],
      ["sam", communityPath, 200],
      ["outsider", communityPath, 404],
      ["cleo", communityPath, 404],
      ["ada", cohortPath, 200],
      ["cleo", cohortPath, 200],
      ["fay", cohortPath, 200],
      ["outsider", cohortPath, 404],
      ["sam", cohortPath, 404],
    ];
    const statuses = await Promise.all(cases.map(async ([who, path]) => (await clients[who].request(path)).status));
    expect(
      cases.map(([who, path], i) => `${who} ${path === communityPath ? "community" : "cohort"} ${statuses[i]}`),
    ).toEqual(cases.map(([who, path, s]) => `${who} ${path === communityPath ? "community" : "cohort"} ${s}`));
    const parts = async (who: keyof typeof clients, path: string) => {
      const { body } = await data(who, path);
      return [body.access, body.canMark, body.canSuggest, body.canDecide];
    };
    expect(await parts("ada", communityPath)).toEqual(["read", true, true, false]);
    expect(await parts("fay", communityPath)).toEqual(["write", false, false, true]);
    expect(await parts("sam", communityPath)).toEqual(["read", false, false, false]);
    expect(await parts("cleo", cohortPath)).toEqual(["read", true, true, false]);
    // The SIP's page offers no suggestion form; a leader's does (it works before the page's scripts load).
    expect(await visible(await clients.sam.request(communityPath))).not.toContain("Suggest a resource");
    expect(await visible(await clients.ada.request(communityPath))).toContain("Suggest a resource");
  });

  it("opens the playlist socket read-only for a leader and the SIP, and refuses outsiders", async () => {
    const headers = async (who: "ada" | "fay" | "sam" | "outsider" | "cleo") => ({
      Cookie: await signIn(
        app.url,
        who === "outsider" ? outsiderEmail : who === "cleo" ? cleo.email : world.people[who].email,
      ),
      Origin: app.url,
    });
    const community = collabUrl(app.url, documentName("playlist", world.community.id));
    const cohort = collabUrl(app.url, documentName("playlist", world.cohort.id));
    expect(await upgradeStatus(community, await headers("outsider"))).toBe(403);
    expect(await upgradeStatus(community, await headers("cleo"))).toBe(403);
    expect(await upgradeStatus(community, await headers("sam"))).toBe(101);
    expect(await upgradeStatus(cohort, await headers("cleo"))).toBe(101);
    expect(await upgradeStatus(cohort, await headers("outsider"))).toBe(403);

    const docName = documentName("playlist", world.community.id);
    const fay = connectAt(app.url, docName, (await headers("fay")).Cookie);
    const ada = await openRaw(collabUrl(app.url, docName), await headers("ada"));
    try {
      await waitFor(() => fay.provider.synced, "the facilitator to sync");
      expect(listItems(fay.doc).map((i) => i.title)).toEqual(["Working with parents", "Tuning protocol"]);
      // A modified client sends a write on a leader's connection: it must be dropped.
      const forged = new Y.Doc();
      Y.applyUpdate(forged, Y.encodeStateAsUpdate(fay.doc));
      addItem(forged, { ...item, title: "Added by a leader", url: "https://example.org/forged" });
      ada.send(frames.syncStep1(new Y.Doc()));
      ada.send(frames.update(Y.encodeStateAsUpdate(forged)));
      const before = ada.frames.length;
      ada.send(frames.queryAwareness());
      await waitFor(() => ada.frames.slice(before).some((f) => f[0] === 1), "the answer to query-awareness");

      // The facilitator's write still reaches the leader, and the forged one reached nobody.
      addItem(fay.doc, { ...item, title: "Consultancy protocol", url: "https://example.org/consultancy" });
      await waitFor(
        () => listItems(replicaOf(ada.frames)).some((i) => i.title === "Consultancy protocol"),
        "the facilitator's item at the leader",
      );
      expect(listItems(fay.doc).map((i) => i.title)).not.toContain("Added by a leader");
      await waitFor(
        async () => (await countDocumentRows(app.services.db, docName)) > 1,
        "the facilitator's item in the database",
      );
      fay.provider.destroy();
      await app.collab.registry.unload(docName);
      const saved = new Y.Doc();
      await createDatabaseStore(app.services.db).load(docName, saved);
      expect(listItems(saved).map((i) => i.title)).toEqual([
        "Working with parents",
        "Tuning protocol",
        "Consultancy protocol",
      ]);
    } finally {
      fay.provider.destroy();
      ada.ws.close();
    }
  });

  it("stores a leader's progress, alone or with a cohort partner, and takes it back", async () => {
    const ada = world.people.ada;
    const done = await data("ada", communityPath, {
      intent: "progress",
      itemId: communityItems[0],
      status: "done",
      note: "Read it with my deputy",
    });
    expect(done).toMatchObject({ status: 200, body: { ok: true } });
    // With a partner from the cohort who is not in this community.
    const withCleo = await data("ada", communityPath, {
      intent: "progress",
      itemId: communityItems[1],
      status: "done_with_partner",
      partnerId: cleo.id,
    });
    expect(withCleo.status).toBe(200);
    const rows = (await progressRows(ada.id)).sort((a, b) => a.itemId.localeCompare(b.itemId));
    const byItem = Object.fromEntries(rows.map((r) => [r.itemId, r]));
    expect(byItem[communityItems[0]]).toMatchObject({
      playlistId: world.community.id,
      status: "done",
      partnerUserId: null,
      note: "Read it with my deputy",
    });
    expect(byItem[communityItems[1]]).toMatchObject({ status: "done_with_partner", partnerUserId: cleo.id });

    // Changing the mark updates the one row.
    await data("ada", communityPath, {
      intent: "progress",
      itemId: communityItems[0],
      status: "done_with_partner",
      partnerId: world.people.ben.id,
      note: "",
    });
    expect((await progressRows(ada.id)).filter((r) => r.itemId === communityItems[0])).toMatchObject([
      { partnerUserId: world.people.ben.id, note: "" },
    ]);

    const undone = await data("ada", communityPath, { intent: "undo", itemId: communityItems[1] });
    expect(undone.status).toBe(200);
    expect((await progressRows(ada.id)).map((r) => r.itemId)).toEqual([communityItems[0]]);

    // The facilitator's loader sees every leader's progress; a leader only their own.
    await data("ben", communityPath, { intent: "progress", itemId: communityItems[0], status: "done" });
    const fayView = (await data("fay", communityPath)).body.progress as Array<{ userId: string }>;
    expect(new Set(fayView.map((p) => p.userId))).toEqual(new Set([ada.id, world.people.ben.id]));
    const adaView = (await data("ada", communityPath)).body.progress as Array<{ userId: string }>;
    expect(adaView.map((p) => p.userId)).toEqual([ada.id]);
  });

  it("refuses progress that is incomplete, on a missing item, or with a partner outside the cohort", async () => {
    const before = (await progressRows(world.people.ben.id)).length;
    const cases: Array<[Record<string, string>, string]> = [
      [
        { intent: "progress", itemId: communityItems[1], status: "done_with_partner" },
        "Choose the colleague you did it with.",
      ],
      [
        { intent: "progress", itemId: communityItems[1], status: "finished" },
        "Choose “Done” or “Done with a partner”.",
      ],
      [{ intent: "progress", itemId: "not-an-item", status: "done" }, "This resource is no longer in the playlist."],
      [
        { intent: "progress", itemId: communityItems[1], status: "done_with_partner", partnerId: world.people.fay.id },
        "Choose a colleague from your cohort.",
      ],
      [
        { intent: "progress", itemId: communityItems[1], status: "done_with_partner", partnerId: world.people.ben.id },
        "Choose a colleague from your cohort.",
      ],
    ];
    for (const [fields, message] of cases) {
      const res = await data("ben", communityPath, fields);
      expect(res.status, JSON.stringify(fields)).toBe(400);
      expect(JSON.stringify(res.body)).toContain(message);
    }
    expect((await progressRows(world.people.ben.id)).length).toBe(before);
  });

  it("lets only the playlist's leaders mark progress or suggest: the SIP and facilitator get 403, outsiders 404", async () => {
    const progress = { intent: "progress", itemId: communityItems[0], status: "done" };
    const suggest = {
      intent: "suggest",
      title: "A resource",
      url: "https://example.org/r",
      type: "tool",
      minutes: "10",
      why: "Useful for us",
    };
    expect((await data("sam", communityPath, progress)).status).toBe(403);
    expect((await data("fay", communityPath, progress)).status).toBe(403);
    expect((await data("sam", communityPath, suggest)).status).toBe(403);
    expect((await data("outsider", communityPath, progress)).status).toBe(404);
    expect((await data("cleo", communityPath, suggest)).status).toBe(404);
    expect(await progressRows(world.people.sam.id)).toEqual([]);
    expect(await progressRows(world.people.fay.id)).toEqual([]);
  });

  it("refuses javascript: and ftp: addresses, incomplete suggestions and resources already listed, keeping what was typed", async () => {
    const valid = {
      intent: "suggest",
      title: "Attendance guidance",
      url: "https://www.gov.uk/attendance",
      type: "reading",
      minutes: "40",
      why: "Family support",
    };
    const refused: Array<[Record<string, string>, string]> = [
      [
        { ...valid, url: "javascript:alert(document.cookie)" },
        "Only web addresses starting with https:// or http:// can be added.",
      ],
      [
        { ...valid, url: "ftp://files.example.org/guide.pdf" },
        "Only web addresses starting with https:// or http:// can be added.",
      ],
      [{ ...valid, url: "not a link" }, "Enter a full web address starting with https:// or http://."],
      [{ ...valid, title: "" }, "Give the resource a title (2 to 200 characters)."],
      [{ ...valid, minutes: "0" }, "Minutes must be between 1 and 600."],
      [{ ...valid, type: "podcast" }, "Choose video, reading, protocol or tool."],
      [
        { ...valid, url: `${item.url}/${documentName("playlist", world.community.id)}/0` },
        "This resource is already in the playlist.",
      ],
    ];
    for (const [fields, message] of refused) {
      // As a plain form post (the page comes back with the message and the input kept).
      const res = await clients.ada.post(communityPath, fields);
      expect(res.status, fields.url).toBe(400);
      const html = await visible(res);
      expect(html).toContain(message);
      if (fields.title) expect(html).toMatch(new RegExp(`<input[^>]*name="title"[^>]*value="${fields.title}"`));
      expect(html).toMatch(new RegExp(`<input[^>]*name="url"[^>]*value="${fields.url.replace(/[.()/]/g, "\\$&")}"`));
    }
    const pending = await app.services.db
      .select()
      .from(resourceSuggestions)
      .where(eq(resourceSuggestions.suggestedBy, world.people.ada.id));
    expect(pending).toEqual([]);

    const ok = await clients.ada.post(communityPath, valid);
    expect(ok.status).toBe(200);
    expect(await visible(ok)).toContain("your suggestion is waiting for a facilitator");
    const [row] = await app.services.db
      .select()
      .from(resourceSuggestions)
      .where(eq(resourceSuggestions.suggestedBy, world.people.ada.id));
    expect(row).toMatchObject({
      playlistId: world.community.id,
      title: "Attendance guidance",
      url: "https://www.gov.uk/attendance",
      minutes: 40,
      status: "pending",
    });
    // The leader sees their own suggestion's status; the facilitator sees it waiting.
    expect((await data("ada", communityPath)).body.suggestions).toMatchObject([{ id: row.id, status: "pending" }]);
    expect((await data("fay", communityPath)).body.suggestions).toMatchObject([
      { id: row.id, suggestedByName: "Ada Member" },
    ]);
  });

  it("lets only a facilitator decide a suggestion, once, and only on its own playlist", async () => {
    const db = app.services.db;
    const make = (playlistId: string, title: string) =>
      createSuggestion(db, {
        playlistId,
        suggestedBy: world.people.ben.id,
        title,
        url: `https://example.org/${title}`,
        type: "tool",
        minutes: 5,
        why: "Try it",
      });
    const first = await make(world.community.id, "first");
    const second = await make(world.community.id, "second");
    const elsewhere = await make(world.cohort.id, "elsewhere");

    expect((await data("ada", communityPath, { intent: "approve", suggestionId: first.id })).status).toBe(403);
    expect((await data("sam", communityPath, { intent: "approve", suggestionId: first.id })).status).toBe(403);
    expect((await data("outsider", communityPath, { intent: "approve", suggestionId: first.id })).status).toBe(404);
    expect((await suggestion(first.id)).status).toBe("pending");

    expect((await data("fay", communityPath, { intent: "approve", suggestionId: first.id })).body).toMatchObject({
      ok: true,
    });
    expect(await suggestion(first.id)).toMatchObject({ status: "approved", decidedBy: world.people.fay.id });
    const again = await data("fay", communityPath, { intent: "decline", suggestionId: first.id });
    expect(again.status).toBe(409);
    expect((await suggestion(first.id)).status).toBe("approved");

    expect((await data("fay", communityPath, { intent: "decline", suggestionId: second.id })).status).toBe(200);
    expect((await suggestion(second.id)).status).toBe("declined");
    // Another playlist's suggestion cannot be decided from this one.
    expect((await data("fay", communityPath, { intent: "approve", suggestionId: elsewhere.id })).status).toBe(409);
    expect((await data("fay", communityPath, { intent: "approve", suggestionId: "nope" })).status).toBe(400);
    expect((await suggestion(elsewhere.id)).status).toBe("pending");
    expect((await data("fay", cohortPath, { intent: "approve", suggestionId: elsewhere.id })).status).toBe(200);
    const bens = (await data("ben", communityPath)).body.suggestions as Array<{ id: string; status: string }>;
    expect(Object.fromEntries(bens.map((s) => [s.id, s.status]))).toEqual({
      [first.id]: "approved",
      [second.id]: "declined",
    });
  });

  it("keeps the cohort playlist's progress apart from the community's", async () => {
    const res = await data("cleo", cohortPath, {
      intent: "progress",
      itemId: cohortItems[0],
      status: "done_with_partner",
      partnerId: world.people.ada.id,
    });
    expect(res.status).toBe(200);
    const rows = await app.services.db
      .select()
      .from(playlistProgress)
      .where(and(eq(playlistProgress.userId, cleo.id), eq(playlistProgress.playlistId, world.cohort.id)));
    expect(rows).toMatchObject([{ itemId: cohortItems[0], partnerUserId: world.people.ada.id }]);
    // An item of the cohort playlist is not an item of the community's.
    expect(
      (await data("ada", communityPath, { intent: "progress", itemId: cohortItems[0], status: "done" })).status,
    ).toBe(400);
  });
});
