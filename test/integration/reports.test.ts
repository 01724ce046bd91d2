import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listMail } from "../../db/queries/mail";
import { addSection, appendToSection, removeSection, updateSection } from "../../db/queries/report-sections";
import { auditLog, notifications, reportSections, sipReports } from "../../db/schema/index";
import { closePdfBrowser } from "../../app/features/reports/pdf.server";
import type { RunningCommons } from "../../server/start";
import { startTestApp, TestClient, visible } from "../support/app";
import { testDatabases } from "../support/databases";
import { TEST_PASSWORD } from "../support/factories";
import { pdfText } from "../support/pdf-text";
import { makeReportWorld } from "../support/report-fixtures";

const HEAD_ONLY = "HeadOnlyNoteAboutStaffing";
const PM_ADVICE = "ConfidentialAdviceOnTargets";

describe.each(await testDatabases())("SIP reports on $name", (database) => {
  let app: RunningCommons;
  let world: Awaited<ReturnType<typeof makeReportWorld>>;
  const clients: Record<string, TestClient> = {};
  let base: string;
  let reportId: string;
  const db = () => app.services.db;
  const sections = () =>
    db().select().from(reportSections).where(eq(reportSections.reportId, reportId)).orderBy(reportSections.position);
  const auditCount = async (actorId: string, kind: "report" | "report_pdf") =>
    (
      await db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.actorId, actorId), eq(auditLog.resourceId, reportId), eq(auditLog.resourceKind, kind)))
    ).length;

  beforeAll(async () => {
    app = await startTestApp(await database.open());
    world = await makeReportWorld(db());
    for (const [name, user] of Object.entries(world.people)) {
      clients[name] = new TestClient(app.url);
      expect((await clients[name].signIn(user.email, TEST_PASSWORD)).status).toBe(302);
    }
    base = `/schools/${world.schools.ours.id}/reports`;
  });
  afterAll(async () => {
    await closePdfBrowser();
    await app?.close();
  });

  it("shows the SIP an empty list that says what to do, and refuses a report without a title", async () => {
    const res = await clients.sip.request(base);
    expect(res.status).toBe(200);
    expect(await visible(res)).toContain("No reports yet");
    const bad = await clients.sip.post(`${base}?index`, { title: "ab" });
    expect(bad.status).toBe(400);
    const html = await visible(bad);
    expect(html).toContain("The title must be at least 3 characters");
    expect(html).toMatch(/<input[^>]*name="title"[^>]*value="ab"/);
  });

  it("lets only the assigned SIP start a report, prefilled from the plan with the PM advice for governors and the authority", async () => {
    expect((await clients.head.post(`${base}?index`, { title: "Head's own report" })).status).toBe(403);
    expect((await clients.otherHead.post(`${base}?index`, { title: "Not my school" })).status).toBe(404);
    const res = await clients.sip.post(`${base}?index`, { title: "Autumn term report" });
    expect(res.status).toBe(302);
    reportId = res.headers.get("Location")!.split("/").pop()!;
    const rows = await sections();
    expect(rows.map((s) => s.kind)).toEqual([
      "self_evaluation",
      "priorities_targets",
      "progress",
      "actions",
      "package_of_support",
      "head_performance",
    ]);
    expect(rows[0].body).toContain("Quality of education: Good.");
    expect(rows[1].body).toContain("Attendance of disadvantaged pupils");
    expect(rows[3].body).toContain("Daily first-day calls to families");
    expect(rows[5]).toMatchObject({
      heading: "Advice on the head teacher's performance management",
      audiences: ["governors", "authority"],
    });
  });

  it("hides a draft from the school's head and governor (404), and does not list it for them", async () => {
    for (const who of ["head", "governor"]) {
      expect((await clients[who].request(`${base}/${reportId}`)).status).toBe(404);
      expect((await clients[who].request(`${base}/${reportId}/pdf`)).status).toBe(404);
      const list = await clients[who].request(base);
      expect(list.status).toBe(200);
      expect(await list.text()).not.toContain("Autumn term report");
    }
  });

  it("shows the SIP's draft as a read view, with an Edit link per section that opens its form without scripts", async () => {
    const [selfEval, targets] = await sections();
    const read = await visible(await clients.sip.request(`${base}/${reportId}`));
    expect(read).not.toContain("<textarea");
    expect(read).toMatch(new RegExp(`href="[^"]*\\?edit=${selfEval.id}#section-${selfEval.id}"`));
    expect(read).toMatch(new RegExp(`href="[^"]*\\?edit=${targets.id}#section-${targets.id}"`));
    // The prefill's targets read as a table, the date in the authority's words.
    expect(read).toMatch(/<caption>Targets<\/caption>[\s\S]*<th scope="col"[^>]*>Baseline<\/th>/);
    expect(read).toContain("15 July 2027");
    expect(read).not.toContain("2027-07-15");
    const editing = await visible(await clients.sip.request(`${base}/${reportId}?edit=${targets.id}`));
    expect(editing.match(/<textarea/g)).toHaveLength(1);
    expect(editing).toMatch(/<textarea[^>]*name="body"[^>]*>[^<]*from 88.5% to 93% by 2027-07-15/);
    expect(editing).toContain(`name="sectionId" value="${targets.id}"`);
  });

  it("lets the SIP edit text and audiences, refusing a section addressed to nobody", async () => {
    const [selfEval, , , , , pm] = await sections();
    const bad = await clients.sip.post(`${base}/${reportId}`, {
      intent: "save-section",
      sectionId: selfEval.id,
      heading: "Self-evaluation",
      body: "Typed text kept",
    });
    expect(bad.status).toBe(400);
    const html = await visible(bad);
    expect(html).toContain("Choose at least one audience");
    expect(html).toContain("Typed text kept");
    const form = new URLSearchParams({
      intent: "save-section",
      sectionId: selfEval.id,
      heading: "Self-evaluation",
      body: `${HEAD_ONLY}: the head's view.`,
    });
    form.append("audiences", "head");
    form.append("audiences", "authority");
    const ok = await clients.sip.request(`${base}/${reportId}`, {
      method: "POST",
      body: form,
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(ok.status).toBe(302);
    const pmForm = new URLSearchParams({
      intent: "save-section",
      sectionId: pm.id,
      heading: pm.heading,
      body: `${PM_ADVICE} for the governors.`,
    });
    pmForm.append("audiences", "governors");
    pmForm.append("audiences", "authority");
    expect(
      (
        await clients.sip.request(`${base}/${reportId}`, {
          method: "POST",
          body: pmForm,
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
        })
      ).status,
    ).toBe(302);
    const after = await sections();
    expect(after[0]).toMatchObject({ body: `${HEAD_ONLY}: the head's view.`, audiences: ["head", "authority"] });
  });

  it("adds, moves and removes sections with buttons", async () => {
    expect((await clients.sip.post(`${base}/${reportId}`, { intent: "add-section", heading: "" })).status).toBe(400);
    expect(
      (await clients.sip.post(`${base}/${reportId}`, { intent: "add-section", heading: "Next visit" })).status,
    ).toBe(302);
    let rows = await sections();
    const added = rows[rows.length - 1];
    expect(added).toMatchObject({
      heading: "Next visit",
      kind: "other",
      audiences: ["head", "governors", "authority"],
    });
    expect((await clients.sip.post(`${base}/${reportId}`, { intent: "move-up", sectionId: added.id })).status).toBe(
      302,
    );
    rows = await sections();
    expect(rows[rows.length - 2].id).toBe(added.id);
    expect(
      (await clients.sip.post(`${base}/${reportId}`, { intent: "remove-section", sectionId: added.id })).status,
    ).toBe(302);
    expect((await sections()).some((s) => s.id === added.id)).toBe(false);
    expect((await clients.head.post(`${base}/${reportId}`, { intent: "add-section", heading: "Sneaky" })).status).toBe(
      404,
    );
  });

  it("shares the report: leaders and governors get a notification and an email; the head may not share", async () => {
    expect((await clients.admin.post(`${base}/${reportId}`, { intent: "share" })).status).toBe(403);
    expect((await clients.sip.post(`${base}/${reportId}`, { intent: "share" })).status).toBe(302);
    const [report] = await db().select().from(sipReports).where(eq(sipReports.id, reportId));
    expect(report.status).toBe("shared");
    for (const who of [world.people.head, world.people.governor]) {
      const rows = await db().select().from(notifications).where(eq(notifications.userId, who.id));
      expect(rows.map((n) => n.link)).toContain(`${base}/${reportId}`);
    }
    expect(await db().select().from(notifications).where(eq(notifications.userId, world.people.bigHead.id))).toEqual(
      [],
    );
    const mail = await listMail(db(), world.authority.id);
    expect(mail.map((m) => m.toAddress).sort()).toEqual([world.people.governor.email, world.people.head.email].sort());
    expect(mail[0].bodyText).toContain(`${base}/${reportId}`);
    expect(
      (
        await clients.sip.post(`${base}/${reportId}`, {
          intent: "save-section",
          sectionId: (await sections())[0].id,
          heading: "Changed",
          audiences: "head",
        })
      ).status,
    ).toBe(403);
  });

  it("writes nothing into a report once it is shared, even through the query layer", async () => {
    const [first] = await sections();
    expect(
      await updateSection(db(), reportId, first.id, {
        heading: "Changed",
        body: "Changed after sharing",
        audiences: ["head"],
      }),
    ).toBe(false);
    expect(await addSection(db(), reportId, { kind: "other", heading: "Late", audiences: ["head"] })).toBeNull();
    expect(await removeSection(db(), reportId, first.id)).toBe(false);
    expect(
      await appendToSection(db(), reportId, "package_of_support", "Late line", {
        heading: "Package",
        audiences: ["head"],
      }),
    ).toBeNull();
    const after = await sections();
    expect(after.map((r) => [r.id, r.heading, r.body])).toContainEqual([first.id, first.heading, first.body]);
    expect(after.some((r) => r.heading === "Late" || r.body.includes("Late line"))).toBe(false);
  });

  it("shows the head only the head's sections: the PM advice never reaches their browser", async () => {
    const before = await auditCount(world.people.head.id, "report");
    const res = await clients.head.request(`${base}/${reportId}`);
    expect(res.status).toBe(200);
    const raw = await res.text();
    expect(raw).toContain(HEAD_ONLY);
    expect(raw).toContain("Priorities and targets");
    expect(raw).not.toContain(PM_ADVICE);
    expect(raw).not.toContain("performance management");
    expect(await auditCount(world.people.head.id, "report")).toBe(before + 1);
    // A reader never gets an editor, whatever the address asks for.
    const [first] = await sections();
    const asked = await visible(await clients.head.request(`${base}/${reportId}?edit=${first.id}`));
    expect(asked).not.toContain("<textarea");
    expect(asked).not.toMatch(/>Edit<\/a>/);
  });

  it("shows the governor only the governors' sections, including the PM advice", async () => {
    const res = await clients.governor.request(`${base}/${reportId}`);
    expect(res.status).toBe(200);
    const raw = await res.text();
    expect(raw).toContain(PM_ADVICE);
    expect(raw).toContain("Priorities and targets");
    expect(raw).not.toContain(HEAD_ONLY);
    expect(await auditCount(world.people.governor.id, "report")).toBe(1);
  });

  it("shows the authority's admin every section", async () => {
    const raw = await (await clients.admin.request(`${base}/${reportId}`)).text();
    expect(raw).toContain(PM_ADVICE);
    expect(raw).toContain(HEAD_ONLY);
  });

  it("is not found for another school's head or governor, whatever the path", async () => {
    for (const who of ["otherHead", "bigGovernor"]) {
      expect((await clients[who].request(`${base}/${reportId}`)).status).toBe(404);
      expect((await clients[who].request(`${base}/${reportId}/pdf`)).status).toBe(404);
      expect((await clients[who].request(base)).status).toBe(404);
      // Their own school's report list does not reach ours either.
      const own = who === "otherHead" ? world.schools.unrelated.id : world.schools.bigGain.id;
      expect((await clients[who].request(`/schools/${own}/reports/${reportId}`)).status).toBe(404);
    }
  });

  it("renders the PDF with exactly the head's sections, and audits it", async () => {
    const res = await clients.head.request(`${base}/${reportId}/pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/pdf");
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = pdfText(pdf);
    const flat = text.replace(/\s+/g, " ");
    expect(text).toContain("Autumn term report");
    expect(flat).toContain("This copy is for Head teacher Confidential.");
    expect(flat).toMatch(/Page 1 of \d/);
    expect(flat).toContain("Contents 1. Self-evaluation");
    expect(flat).toContain(
      "Targets Measure Pupils Baseline Target By Attendance Disadvantaged pupils 88.5% 93% 15 July 2027",
    );
    expect(text).toContain(HEAD_ONLY);
    expect(text).not.toContain(PM_ADVICE);
    expect(text).not.toContain("performance management");
    expect(await auditCount(world.people.head.id, "report_pdf")).toBe(1);
    const governorPdf = pdfText(
      Buffer.from(await (await clients.governor.request(`${base}/${reportId}/pdf`)).arrayBuffer()),
    );
    expect(governorPdf).toContain(PM_ADVICE);
    expect(governorPdf).not.toContain(HEAD_ONLY);
  });

  it("is acknowledged by the head only, once", async () => {
    expect((await clients.governor.post(`${base}/${reportId}`, { intent: "acknowledge" })).status).toBe(403);
    expect((await clients.sip.post(`${base}/${reportId}`, { intent: "acknowledge" })).status).toBe(403);
    expect((await clients.head.post(`${base}/${reportId}`, { intent: "acknowledge" })).status).toBe(302);
    const [report] = await db().select().from(sipReports).where(eq(sipReports.id, reportId));
    expect(report).toMatchObject({ status: "acknowledged", acknowledgedBy: world.people.head.id });
    expect((await clients.head.post(`${base}/${reportId}`, { intent: "acknowledge" })).status).toBe(409);
    expect(await visible(await clients.sip.request(`${base}/${reportId}`))).toContain("Acknowledged by Hana Head");
  });
});
