import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { documentName } from "../../collab/doc-names";
import { countDocumentRows } from "../../db/queries/collab";
import { createCohort, createCommunity } from "../../db/queries/communities";
import type { RunningCommons } from "../../server/start";
import { startTestApp, TestClient } from "../support/app";
import { connectProvider, waitFor } from "../support/collab";
import { testDatabases } from "../support/databases";
import { makeAuthority, makeUser, TEST_PASSWORD } from "../support/factories";

describe.each(await testDatabases())("collaboration on $name", (database) => {
  let app: RunningCommons;
  let docName: string;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestApp(await database.open());
    const db = app.services.db;
    const { authority, schools } = await makeAuthority(db, 2);
    const a = await makeUser(db, authority.id, [{ role: "school_leader", schoolId: schools[0].id }]);
    const b = await makeUser(db, authority.id, [{ role: "school_leader", schoolId: schools[1].id }]);
    const cohort = await createCohort(db, {
      authorityId: authority.id,
      name: "C",
      schoolYear: "2026-27",
      facilitatorIds: [],
      leaderIds: [a.id, b.id],
    });
    const community = await createCommunity(db, { cohortId: cohort.id, name: "G", memberIds: [a.id, b.id] });
    docName = documentName("inquiry", community.id);
    for (const [key, user] of Object.entries({ a, b })) {
      const client = new TestClient(app.url);
      await client.signIn(user.email, TEST_PASSWORD);
      cookies[key] = client.cookieHeader;
    }
  });
  afterAll(() => app?.close());

  it("two standard clients converge through the server and the edits reach the database", async () => {
    const a = connectProvider(app, docName, cookies.a);
    const b = connectProvider(app, docName, cookies.b);
    try {
      await waitFor(() => a.provider.synced && b.provider.synced, "both clients to sync");
      a.doc.getText("t").insert(0, "hello ");
      b.doc.getText("t").insert(0, "world ");
      await waitFor(
        () => a.doc.getText("t").toString() === b.doc.getText("t").toString() && a.doc.getText("t").length === 12,
        "convergence",
      );
      await waitFor(async () => (await countDocumentRows(app.services.db, docName)) > 0, "rows in the database");
    } finally {
      a.provider.destroy();
      b.provider.destroy();
    }
    await waitFor(() => app.collab.metrics.connections === 0, "the server to see both clients leave");
    await app.collab.registry.unload(docName);
    const fresh = new Y.Doc();
    const { createDatabaseStore } = await import("../../collab/store");
    await createDatabaseStore(app.services.db).load(docName, fresh);
    expect(fresh.getText("t").toString()).toBe(a.doc.getText("t").toString());
  });
});
