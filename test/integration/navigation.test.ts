/**
 * Issue #10's navigation: each role's header menu, and the index pages (/schools, /visits, /reports,
 * /brokering, /cohorts, /communities) list only what the person may open — a SIP never sees another
 * SIP's school, visit or report, and a head or governor sees only their own school.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assignSip } from "../../db/queries/communities";
import { createReport } from "../../db/queries/reports";
import { getSchoolScope } from "../../db/queries/school-scope";
import { sipVisits } from "../../db/schema/index";
import type { RunningCommons } from "../../server/start";
import { startTestApp, TestClient, visible } from "../support/app";
import { testDatabases } from "../support/databases";
import { makeUser, TEST_PASSWORD } from "../support/factories";
import { makeReportWorld } from "../support/report-fixtures";

const people = ["sip", "otherSip", "head", "governor", "admin"] as const;
type Person = (typeof people)[number];

/** The links of the header's main menu (the wide one), as [label, href]. */
function menuOf(html: string): Array<[string, string]> {
  const nav = /<nav aria-label="Main"[^>]*>([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? "";
  return [...nav.matchAll(/<a[^>]*href="([^"]+)"[^>]*>([\s\S]*?)<\/a>/g)].map((m) => [
    m[2].replace(/<[^>]+>/g, "").trim(),
    m[1],
  ]);
}

describe.each(await testDatabases())("navigation and index pages on $name", (database) => {
  let app: RunningCommons;
  let world: Awaited<ReturnType<typeof makeReportWorld>>;
  const clients = new Map<Person, TestClient>();
  const OUR_REPORT = "Spring report on our school";
  const THEIR_REPORT = "Their report on the unrelated school";
  const page = async (who: Person, path: string) => {
    const res = await clients.get(who)!.request(path);
    expect(res.status, `${who} GET ${path}`).toBe(200);
    return visible(res);
  };

  beforeAll(async () => {
    app = await startTestApp(await database.open());
    const db = app.services.db;
    world = await makeReportWorld(db);
    const { authority, schools, schoolYear } = world;
    const otherSip = await makeUser(db, authority.id, [{ role: "sip" }], { name: "Olu Other-Sip" });
    await assignSip(db, {
      authorityId: authority.id,
      sipUserId: otherSip.id,
      schoolIds: [schools.unrelated.id],
      schoolYear,
    });
    const ours = (await getSchoolScope(db, schools.ours.id, schoolYear))!.assignment!;
    const theirs = (await getSchoolScope(db, schools.unrelated.id, schoolYear))!.assignment!;
    const visitDate = `${schoolYear.slice(0, 4)}-10-02`;
    await db.insert(sipVisits).values([
      { assignmentId: ours.id, visitDate, kind: "preparation", days: 0.5, purpose: "OurPreparationVisit" },
      { assignmentId: theirs.id, visitDate, kind: "preparation", days: 1, purpose: "TheirPreparationVisit" },
    ]);
    await createReport(db, { assignmentId: ours.id, title: OUR_REPORT, sections: [] });
    await createReport(db, { assignmentId: theirs.id, title: THEIR_REPORT, sections: [] });
    const emails: Record<Person, string> = {
      sip: world.people.sip.email,
      otherSip: otherSip.email,
      head: world.people.head.email,
      governor: world.people.governor.email,
      admin: world.people.admin.email,
    };
    for (const who of people) {
      const client = new TestClient(app.url);
      expect((await client.signIn(emails[who], TEST_PASSWORD)).status).toBe(302);
      clients.set(who, client);
    }
  });

  afterAll(async () => {
    await app?.close();
  });

  it("gives each role its menu in the header", async () => {
    const { ours } = world.schools;
    expect(menuOf(await page("sip", "/dashboard"))).toEqual([
      ["Dashboard", "/dashboard"],
      ["My schools", "/schools"],
      ["Visits", "/visits"],
      ["Reports", "/reports"],
      ["Brokering", "/brokering"],
    ]);
    const head = menuOf(await page("head", "/dashboard"));
    expect(head.slice(0, 2)).toEqual([
      ["Dashboard", "/dashboard"],
      ["My school", `/schools/${ours.id}`],
    ]);
    expect(head.map(([label]) => label)).toEqual(["Dashboard", "My school", "My community", "Cohort"]);
    expect(menuOf(await page("governor", "/dashboard"))).toEqual([
      ["Dashboard", "/dashboard"],
      ["My school", `/schools/${ours.id}`],
    ]);
    expect(menuOf(await page("admin", "/dashboard")).map(([label]) => label)).toEqual([
      "Dashboard",
      "Schools",
      "People",
      "SIPs",
      "Audit",
      "Settings",
    ]);
  });

  it("lists a SIP's own schools, visits, reports and brokering, and never another SIP's", async () => {
    const { ours, unrelated } = world.schools;
    const schools = await page("sip", "/schools");
    expect(schools).toContain(`href="/schools/${ours.id}"`);
    expect(schools).toContain("half a day of 5");
    expect(schools).not.toContain(unrelated.name);

    const visits = await page("sip", "/visits");
    expect(visits).toContain("OurPreparationVisit");
    expect(visits).toContain(`href="/schools/${ours.id}/visits"`);
    expect(visits).not.toContain("TheirPreparationVisit");

    const reports = await page("sip", "/reports");
    expect(reports).toContain(OUR_REPORT);
    expect(reports).not.toContain(THEIR_REPORT);

    const brokering = await page("sip", "/brokering");
    expect(brokering).toContain(`href="/schools/${ours.id}/brokering"`);
    expect(brokering).not.toContain(unrelated.id);

    // The other SIP: the mirror image.
    expect(await page("otherSip", "/schools")).not.toContain(ours.name);
    const theirVisits = await page("otherSip", "/visits");
    expect(theirVisits).toContain("TheirPreparationVisit");
    expect(theirVisits).not.toContain("OurPreparationVisit");
    expect(await page("otherSip", "/reports")).not.toContain(OUR_REPORT);
    expect(await page("otherSip", "/brokering")).not.toContain(ours.id);
  });

  it("shows a head and a governor only their school, and no SIP's caseload", async () => {
    const { ours, unrelated } = world.schools;
    for (const who of ["head", "governor"] as const) {
      const schools = await page(who, "/schools");
      expect(schools).toContain(`href="/schools/${ours.id}"`);
      expect(schools).not.toContain(unrelated.name);
      expect(await page(who, "/visits")).not.toContain("PreparationVisit");
      expect(await page(who, "/reports")).not.toContain(OUR_REPORT);
      expect(await page(who, "/brokering")).not.toContain(`/schools/${ours.id}/brokering`);
    }
    expect(await page("admin", "/schools")).toContain('href="/admin/schools"');
    expect(await page("head", "/cohorts")).toContain("You are not in a cohort yet");
    expect(await page("head", "/communities")).toContain("You are not in a community of practice yet");
  });

  it("sends the signed-out to sign in from every index page", async () => {
    const anonymous = new TestClient(app.url);
    for (const path of ["/schools", "/visits", "/reports", "/brokering", "/cohorts", "/communities"]) {
      const res = await anonymous.request(path);
      expect(res.status, path).toBe(302);
      expect(res.headers.get("location")).toBe(`/login?redirectTo=${encodeURIComponent(path)}`);
    }
  });

  it("puts breadcrumbs on school pages, the last one the current page", async () => {
    const { ours } = world.schools;
    const html = await page("sip", `/schools/${ours.id}/visits`);
    const crumbs = /<nav aria-label="Breadcrumb"[^>]*>([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? "";
    expect(crumbs).toContain('href="/schools"');
    expect(crumbs).toContain(`href="/schools/${ours.id}"`);
    expect(crumbs).toMatch(/aria-current="page"[^>]*>Visits /);
    // The SIP's school sections include brokering.
    expect(html).toContain(`href="/schools/${ours.id}/brokering"`);
  });
});
