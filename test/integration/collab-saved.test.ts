/**
 * "Saved" means in the database — for deletions too, which do not move a state vector: the client
 * must not report Saved after deleting text until the deletion itself is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createDatabaseStore } from "../../collab/store";
import type { RunningCommons } from "../../server/start";
import { startTestApp } from "../support/app";
import { waitFor } from "../support/collab";
import { connectAt, makeCommunity, paragraphText, sectionText, signIn } from "../support/collab-fixtures";
import { testDatabases } from "../support/databases";

describe.each(await testDatabases())("the saved signal on $name", (database) => {
  let app: RunningCommons;
  beforeAll(async () => {
    // A long batching delay makes the window between "typed" and "stored" easy to observe.
    app = await startTestApp(await database.open(), {}, { persistence: { flushDelayMs: 400 } });
  });
  afterAll(() => app?.close());

  it("reports Saved only once inserted and deleted text are both stored", async () => {
    const fx = await makeCommunity(app.services.db);
    const writer = connectAt(app.url, fx.docName, await signIn(app.url, fx.users.a.email), { saved: true });
    const stored = async () => {
      const doc = new Y.Doc();
      await createDatabaseStore(app.services.db).load(fx.docName, doc);
      return sectionText(doc, fx.sharedField);
    };
    // Ada types in a paragraph of the peer check she shares with Ben (a section she may write).
    const text = () => paragraphText(writer.doc, fx.sharedField);
    try {
      await waitFor(() => writer.provider.synced && writer.fullySaved(), "the first sync");
      text().insert(0, "hello world");
      expect(writer.fullySaved()).toBe(false);
      await waitFor(() => writer.fullySaved(), "the insert to be saved");
      expect(await stored()).toBe("hello world");

      text().delete(0, 6);
      expect(writer.fullySaved(), "a deletion not yet stored is not Saved").toBe(false);
      expect(await stored()).toBe("hello world");
      await waitFor(() => writer.fullySaved(), "the deletion to be saved", 10_000);
      expect(await stored()).toBe("world");
    } finally {
      writer.provider.destroy();
    }
  });
});
