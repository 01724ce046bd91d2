/**
 * Editor ids (Yjs client ids) belong to the person who first wrote under them, in the database
 * too (ADR 024): after the document is unloaded and loaded again, a modified client that writes
 * under another person's id, continuing their clock, is refused. Accepted, it would make that
 * person's next edits from the same editor vanish as duplicates.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CloseCodes } from "../../collab/close-codes";
import { writeParagraphs } from "../../collab/documents/inquiry";
import type { RunningCommons } from "../../server/start";
import { startTestApp } from "../support/app";
import { waitFor } from "../support/collab";
import { makeCommunity, signIn } from "../support/collab-fixtures";
import { testDatabases } from "../support/databases";
import { destroyAll, firstClose, synced } from "../support/write-rules-fixtures";

describe.each(await testDatabases())("editor ids across a reload on $name", (database) => {
  let app: RunningCommons;
  let fx: Awaited<ReturnType<typeof makeCommunity>>;

  beforeAll(async () => {
    app = await startTestApp(await database.open(), {}, { unloadGraceMs: 50 });
    fx = await makeCommunity(app.services.db);
  });
  afterAll(() => app?.close());

  const unloaded = () =>
    waitFor(() => !app.collab.registry.loaded().some((d) => d.name === fx.docName), "the document to unload", 10_000);

  it("refuses a member writing under another member's id after the document was loaded again", async () => {
    const [ada, ben] = [await signIn(app.url, fx.users.a.email), await signIn(app.url, fx.users.b.email)];
    const adaClient = await synced(app, fx.docName, ada);
    writeParagraphs(adaClient.doc, fx.storyOf(fx.users.a.id), ["Ada's first words"]);
    const adasId = adaClient.doc.clientID;
    await waitFor(() => adaClient.provider.synced && app.collab.metrics.updatesPersisted > 0, "Ada's words stored");
    destroyAll(adaClient);
    await unloaded();

    const forger = await synced(app, fx.docName, ben);
    forger.provider.disconnect();
    // Ben's copy now writes as Ada's editor, continuing her clock, in Ben's own story.
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(forger.doc));
    forged.clientID = adasId;
    writeParagraphs(forged, fx.storyOf(fx.users.b.id), ["Ben under Ada's id"]);
    const update = Y.encodeStateAsUpdate(forged, Y.encodeStateVector(forger.doc));
    forger.provider.connect();
    await waitFor(() => forger.provider.synced, "Ben's reconnection");
    Y.applyUpdate(forger.doc, update);
    const close = await firstClose(forger);
    expect(close).toEqual({ code: CloseCodes.refused, reason: "Changes were sent under another person's editor." });
    destroyAll(forger);

    // Ben under his own editor is fine.
    const honest = await synced(app, fx.docName, ben);
    writeParagraphs(honest.doc, fx.storyOf(fx.users.b.id), ["Ben's own words"]);
    expect(await firstClose(honest, 1_000)).toBeNull();
    destroyAll(honest);
  });
});
