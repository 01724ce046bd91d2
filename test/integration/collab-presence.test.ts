/**
 * Presence and sockets a modified client cannot abuse (issue 12): the server stamps the session's
 * person on every presence, refuses presence for a client id another connection uses, and caps the
 * sockets one person may hold.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CloseCodes } from "../../collab/close-codes";
import { MAX_SOCKETS_PER_PERSON } from "../../collab/server";
import type { RunningCommons } from "../../server/start";
import { startTestApp } from "../support/app";
import { upgradeStatus, waitFor } from "../support/collab";
import {
  closeCode,
  collabUrl,
  connectAt,
  makeCommunity,
  openRaw,
  presenceFrame,
  signIn,
  type RawSocket,
} from "../support/collab-fixtures";
import { testDatabases } from "../support/databases";

describe.each(await testDatabases())("presence and sockets against a modified client on $name", (database) => {
  let app: RunningCommons;
  let fx: Awaited<ReturnType<typeof makeCommunity>>;
  let ada: string;
  let ben: string;
  const headers = (cookie: string) => ({ Cookie: cookie, Origin: app.url });

  beforeAll(async () => {
    app = await startTestApp(await database.open());
    fx = await makeCommunity(app.services.db);
    [ada, ben] = [await signIn(app.url, fx.users.a.email), await signIn(app.url, fx.users.b.email)];
  });
  afterAll(() => app?.close());

  it("shows others the person of the session, whatever name and id the client claims", async () => {
    const watcher = connectAt(app.url, fx.docName, ben);
    await waitFor(() => watcher.provider.synced, "the watcher's sync");
    const raw = await openRaw(collabUrl(app.url, fx.docName), headers(ada));
    raw.send(presenceFrame(4242, { user: { id: fx.users.b.id, name: "Ben Member", color: "#000" }, step: "board" }));
    await waitFor(() => watcher.provider.awareness.getStates().has(4242), "the raw client's presence at the watcher");
    expect(watcher.provider.awareness.getStates().get(4242)).toEqual({
      user: { id: fx.users.a.id, name: "Ada Member", color: "#000" },
      step: "board",
    });
    raw.ws.close();
    watcher.provider.destroy();
  });

  it("ignores presence written under another connection's client id, and keeps theirs", async () => {
    const honest = connectAt(app.url, fx.docName, ben);
    honest.provider.awareness.setLocalStateField("user", { name: "Ben Member" });
    await waitFor(() => honest.provider.synced, "the honest client's sync");
    const observer = connectAt(app.url, fx.docName, ben);
    const bensId = honest.doc.clientID;
    await waitFor(() => observer.provider.awareness.getStates().has(bensId), "Ben's presence at the observer");
    const raw: RawSocket = await openRaw(collabUrl(app.url, fx.docName), headers(ada));
    raw.send(presenceFrame(bensId, { user: { name: "Ben (hacked)" }, hacked: true }));
    // Its own presence, sent after the forgery, arrives: so the forgery was handled (and dropped) first.
    raw.send(presenceFrame(777, { step: "after" }));
    await waitFor(() => observer.provider.awareness.getStates().has(777), "the raw client's own presence");
    expect(observer.provider.awareness.getStates().get(bensId)).toMatchObject({
      user: { id: fx.users.b.id, name: "Ben Member" },
    });
    raw.ws.close();
    honest.provider.destroy();
    observer.provider.destroy();
  });

  it("keeps a person's presence id theirs while their socket is down, and shows them at once when they return", async () => {
    const returning = connectAt(app.url, fx.docName, ben);
    returning.provider.awareness.setLocalStateField("user", { name: "Ben Member" });
    const watcher = connectAt(app.url, fx.docName, ada);
    const bensId = returning.doc.clientID;
    await waitFor(() => watcher.provider.awareness.getStates().has(bensId), "Ben's presence at the watcher");
    returning.provider.disconnect();
    await waitFor(() => !watcher.provider.awareness.getStates().has(bensId), "Ben's presence to go with his socket");

    // Ada's modified client takes Ben's id with a clock far ahead while he is away: dropped.
    const raw = await openRaw(collabUrl(app.url, fx.docName), headers(ada));
    const taken = presenceFrame(bensId, { takenOver: true });
    raw.send(taken);
    raw.send(presenceFrame(778, { step: "after" }));
    await waitFor(() => watcher.provider.awareness.getStates().has(778), "the raw client's own presence");
    expect(watcher.provider.awareness.getStates().has(bensId), "nobody shown under Ben's id").toBe(false);

    // Ben's tab comes back with the clock it had: it shows without waiting for a renewal.
    returning.provider.connect();
    await waitFor(
      () => watcher.provider.awareness.getStates().get(bensId)?.user?.id === fx.users.b.id,
      "Ben's presence back at the watcher",
      3_000,
    );
    raw.ws.close();
    returning.provider.destroy();
    watcher.provider.destroy();
  });

  it("refuses a connection that speaks for more clients than a browser tab would", async () => {
    const raw = await openRaw(collabUrl(app.url, fx.docName), headers(ada));
    for (let id = 9001; id <= 9010; id++) raw.send(presenceFrame(id, { n: id }));
    expect(await closeCode(raw)).toBe(CloseCodes.refused);
  });

  it(`accepts ${MAX_SOCKETS_PER_PERSON} sockets from one person and refuses the next with 429`, async () => {
    const open: RawSocket[] = [];
    for (let i = 0; i < MAX_SOCKETS_PER_PERSON; i++)
      open.push(await openRaw(collabUrl(app.url, fx.docName), headers(ada)));
    const refusedBefore = app.collab.metrics.refusedUpgrades["429"] ?? 0;
    expect(await upgradeStatus(collabUrl(app.url, fx.docName), headers(ada))).toBe(429);
    expect(app.collab.metrics.refusedUpgrades["429"], "the refusal is counted").toBe(refusedBefore + 1);
    // Someone else is not affected, and closing one gives the person a socket back.
    expect(await upgradeStatus(collabUrl(app.url, fx.docName), headers(ben))).toBe(101);
    open.pop()!.ws.close();
    await waitFor(
      async () => (await upgradeStatus(collabUrl(app.url, fx.docName), headers(ada))) === 101,
      "a socket back",
    );
    for (const raw of open) raw.ws.close();
  });
});
