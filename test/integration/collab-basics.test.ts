import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { countDocumentRows } from "../../db/queries/collab";
import type { RunningCommons } from "../../server/start";
import { startTestApp } from "../support/app";
import { connectProvider, waitFor } from "../support/collab";
import { makeCommunity, paragraphText, sectionText, signIn } from "../support/collab-fixtures";
import { testDatabases } from "../support/databases";

describe.each(await testDatabases())("collaboration on $name", (database) => {
  let app: RunningCommons;
  let fx: Awaited<ReturnType<typeof makeCommunity>>;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestApp(await database.open());
    fx = await makeCommunity(app.services.db);
    cookies.a = await signIn(app.url, fx.users.a.email);
    cookies.b = await signIn(app.url, fx.users.b.email);
  });
  afterAll(() => app?.close());

  it("two standard clients converge through the server and the edits reach the database", async () => {
    const a = connectProvider(app, fx.docName, cookies.a);
    const b = connectProvider(app, fx.docName, cookies.b);
    // Both write in the pair's peer check, the one section both of them may write, inside one
    // paragraph as the editor does: Ada starts it and Ben receives it, then both type at once.
    const text = (doc: Y.Doc) => sectionText(doc, fx.sharedField);
    try {
      await waitFor(() => a.provider.synced && b.provider.synced, "both clients to sync");
      paragraphText(a.doc, fx.sharedField);
      await waitFor(() => b.doc.getXmlFragment(fx.sharedField).length === 1, "Ben to receive the paragraph");
      paragraphText(a.doc, fx.sharedField).insert(0, "hello ");
      paragraphText(b.doc, fx.sharedField).insert(0, "world ");
      await waitFor(() => text(a.doc) === text(b.doc) && text(a.doc).length === 12, "convergence");
      expect(a.doc.getXmlFragment(fx.sharedField).length, "one paragraph, edited by both").toBe(1);
      await waitFor(async () => (await countDocumentRows(app.services.db, fx.docName)) > 0, "rows in the database");
    } finally {
      a.provider.destroy();
      b.provider.destroy();
    }
    expect(app.collab.metrics.refusedUpdates.inquiry ?? 0, "no write was refused").toBe(0);
    await waitFor(() => app.collab.metrics.connections === 0, "the server to see both clients leave");
    await app.collab.registry.unload(fx.docName);
    const fresh = new Y.Doc();
    const { createDatabaseStore } = await import("../../collab/store");
    await createDatabaseStore(app.services.db).load(fx.docName, fresh);
    expect(text(fresh)).toBe(text(a.doc));
    expect([...text(fresh)].sort().join("")).toBe([..."hello world "].sort().join(""));
  });
});
