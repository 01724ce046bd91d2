/**
 * Revocation at once (issue 12): when a membership or an assignment ends, the person's open
 * documents close within a second, and nothing they send after the change is stored or reaches
 * anyone, because their frames are held from the moment of the change until the re-check decides.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CloseCodes } from "../../collab/close-codes";
import { writeParagraphs } from "../../collab/documents/inquiry";
import { documentName } from "../../collab/doc-names";
import { addCohortMembers } from "../../db/queries/cohort-members";
import { communityMembers } from "../../db/schema/index";
import { schoolYearOf } from "../../app/kernel/school-year";
import { moveLeaderBetweenCommunities } from "../../app/features/communities/service.server";
import { unassignSip } from "../../app/features/deployment/service.server";
import type { CurrentActor } from "../../app/features/auth/guard.server";
import type { RunningCommons } from "../../server/start";
import { startTestApp } from "../support/app";
import { makeCommunity, signIn } from "../support/collab-fixtures";
import { testDatabases } from "../support/databases";
import { makeUser } from "../support/factories";
import { barrier, destroyAll, firstClose, storedDoc, synced } from "../support/write-rules-fixtures";

describe.each(await testDatabases())("revocation at once on $name", (database) => {
  let app: RunningCommons;
  let fx: Awaited<ReturnType<typeof makeCommunity>>;

  beforeAll(async () => {
    app = await startTestApp(await database.open(), {}, { unloadGraceMs: 50 });
    fx = await makeCommunity(app.services.db);
  });
  afterAll(() => app?.close());

  it("a member moved out of the community: closed within a second, and a write sent after the move is not kept", async () => {
    const db = app.services.db;
    const dev = await makeUser(db, fx.authority.id, [{ role: "school_leader", schoolId: fx.schools[2].id }], {
      name: "Dev Moving",
    });
    await addCohortMembers(db, fx.cohort.id, [dev.id], "leader");
    await db.insert(communityMembers).values({ communityId: fx.community.id, userId: dev.id });
    const leaving = await synced(app, fx.docName, await signIn(app.url, dev.email));
    const watcher = await synced(app, fx.docName, await signIn(app.url, fx.users.a.email));
    writeParagraphs(leaving.doc, `story/${dev.id}`, ["Written while a member"]);
    await barrier(leaving, watcher);

    const started = performance.now();
    const moved = await moveLeaderBetweenCommunities(app.services, fx.cohort.id, { userId: dev.id, communityId: null });
    expect(moved.ok).toBe(true);
    writeParagraphs(leaving.doc, `story/${dev.id}`, ["Written after the move"]);
    const close = await firstClose(leaving, 1_000);
    expect(close?.code).toBe(CloseCodes.accessRevoked);
    expect(performance.now() - started).toBeLessThan(1_000);

    destroyAll(leaving);
    const text = watcher.doc.getXmlFragment(`story/${dev.id}`).toString();
    expect(text).toContain("Written while a member");
    expect(text).not.toContain("Written after the move");
    destroyAll(watcher);
    const stored = (await storedDoc(app, fx.docName)).getXmlFragment(`story/${dev.id}`).toString();
    expect(stored).toContain("Written while a member");
    expect(stored).not.toContain("Written after the move");
  });

  it("a SIP whose school is unassigned: their open documents of its communities close within a second", async () => {
    const doc = documentName("hmw", fx.community.id);
    const sip = await synced(app, doc, await signIn(app.url, fx.users.sip.email));
    const admin = { userId: "admin" } as CurrentActor;
    const started = performance.now();
    const result = await unassignSip(app.services, admin, {
      authorityId: fx.authority.id,
      year: schoolYearOf(new Date()),
      schoolId: fx.schools[0].id,
    });
    expect(result.ok).toBe(true);
    const close = await firstClose(sip, 1_000);
    expect(close?.code).toBe(CloseCodes.accessRevoked);
    expect(performance.now() - started).toBeLessThan(1_000);
    destroyAll(sip);
  });
});
