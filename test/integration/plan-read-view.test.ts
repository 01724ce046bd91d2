/**
 * Issue #10, "reading first, editing on demand": the plan and a priority are read views (tables,
 * status, dates in words) with an Edit link per section that opens its form by address without
 * scripts (`?edit=`), comments folded behind their count, and last year's plan reachable with
 * `?year=` but read only, the server refusing every write to it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { previousSchoolYear, schoolYearOf } from "../../app/kernel/school-year";
import { assignSip } from "../../db/queries/communities";
import { addAction, addPriority, addTarget, getOrCreatePlan, getPriorityItems } from "../../db/queries/plans";
import { planComments } from "../../db/schema/index";
import type { RunningCommons } from "../../server/start";
import { startTestApp, TestClient, visible } from "../support/app";
import { testDatabases } from "../support/databases";
import { makeAuthority, makeUser, TEST_PASSWORD } from "../support/factories";

const daysFromNow = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
/** The page's text with tags and attributes removed, to check what a reader sees. */
const textOf = (html: string) => html.replace(/<[^>]*>/g, " ");

describe.each(await testDatabases())(
  "the plan's read view, Edit on demand and last year's plan on $name",
  (database) => {
    let app: RunningCommons;
    const db = () => app.services.db;
    const year = schoolYearOf(new Date());
    const lastYear = previousSchoolYear(year);
    const lastYearParam = lastYear.slice(0, 4);
    let schoolId: string;
    let priorityId: string;
    let oldPriorityId: string;
    let oldTargetId: string;
    const clients = {} as Record<"head" | "sip", TestClient>;
    const planUrl = () => `/schools/${schoolId}/plan`;
    const priorityUrl = () => `/schools/${schoolId}/plan/priorities/${priorityId}`;

    beforeAll(async () => {
      app = await startTestApp(await database.open());
      const { authority, schools } = await makeAuthority(db(), 1);
      schoolId = schools[0].id;
      const hana = await makeUser(db(), authority.id, [{ role: "school_leader", schoolId }], { name: "Hana Head" });
      const sam = await makeUser(db(), authority.id, [{ role: "sip" }], { name: "Sam Partner" });
      await assignSip(db(), { authorityId: authority.id, sipUserId: sam.id, schoolIds: [schoolId], schoolYear: year });
      for (const [key, person] of [
        ["head", hana],
        ["sip", sam],
      ] as const) {
        clients[key] = new TestClient(app.url);
        expect((await clients[key].signIn(person.email, TEST_PASSWORD)).status).toBe(302);
      }

      const plan = await getOrCreatePlan(db(), schoolId, year);
      const priority = await addPriority(db(), plan.id, {
        title: "Raise attendance of disadvantaged pupils",
        area: "behaviour_and_attitudes",
        rationale: "Persistent absence is twice the national rate.",
      });
      priorityId = priority.id;
      // Already reached: Met whatever the date. No result: says so.
      await addTarget(db(), priorityId, {
        measure: "Attendance %",
        studentGroup: "Disadvantaged pupils",
        baseline: 89.5,
        target: 93,
        actual: 93.4,
        byWhen: "2027-07-16",
      });
      await addTarget(db(), priorityId, {
        measure: "Persistent absence %",
        studentGroup: "All pupils",
        baseline: 18,
        target: 12,
        actual: null,
        byWhen: daysFromNow(60),
      });
      await addAction(db(), priorityId, {
        description: "First-day calls home for every absence",
        owner: "Attendance lead",
        due: daysFromNow(-3),
        status: "in_progress",
      });

      const old = await getOrCreatePlan(db(), schoolId, lastYear);
      const oldPriority = await addPriority(db(), old.id, {
        title: "Improve phonics in Key Stage 1",
        area: "quality_of_education",
        rationale: "Last year's phonics check was below national.",
      });
      oldPriorityId = oldPriority.id;
      oldTargetId = (
        await addTarget(db(), oldPriorityId, {
          measure: "Phonics check pass %",
          studentGroup: "Year 1",
          baseline: 70,
          target: 80,
          actual: 76,
          byWhen: `${lastYear.slice(0, 4)}-12-01`,
        })
      ).id;
    });
    afterAll(() => app?.close());

    it("shows a priority's targets as a table with status, actions with overdue, and dates in words", async () => {
      const html = await visible(await clients.sip.request(priorityUrl()));
      expect(html).toMatch(
        /<th scope="row"[^>]*><span id="target-[^"]+">Attendance % <span[^>]*>Disadvantaged pupils<\/span><\/span><\/th><td[^>]*>89.5%<\/td><td[^>]*>93.0%<\/td><td[^>]*>93.4%<\/td><td[^>]*>\+3.9 pp<\/td><td[^>]*><time dateTime="2027-07-16">16 Jul 2027<\/time><\/td><td[^>]*><span[^>]*>Met<\/span><\/td>/,
      );
      expect(html).toMatch(/Persistent absence %[\s\S]*?<td[^>]*>—<\/td><td[^>]*>—<\/td>[\s\S]*?No result yet<\/span>/);
      expect(html).toContain("On track means the change since the baseline");
      expect(html).toMatch(/First-day calls home for every absence[\s\S]*?Overdue<\/span>[\s\S]*?In progress<\/span>/);
      // No date reaches the reader as yyyy-mm-dd.
      expect(textOf(html)).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
    });

    it("offers Edit links only to leaders; ?edit= opens that section's form on the server, nothing else", async () => {
      const sipHtml = await visible(await clients.sip.request(priorityUrl()));
      expect(sipHtml).not.toContain("?edit=");
      expect(sipHtml).not.toContain("Add a target");
      // The SIP asking for the form by address gets the read view only.
      const sipEdit = await visible(await clients.sip.request(`${priorityUrl()}?edit=targets`));
      expect(sipEdit).not.toContain('name="measure"');

      const read = await visible(await clients.head.request(priorityUrl()));
      for (const section of ["about", "targets", "actions", "progress", "evidence"]) {
        expect(read, section).toMatch(
          new RegExp(`<a [^>]*href="/schools/${schoolId}/plan/priorities/${priorityId}\\?edit=${section}#${section}"`),
        );
      }
      expect(read).toMatch(/aria-expanded="false"[^>]*>Edit<span class="sr-only"> SMART targets \(2\)<\/span>/);
      expect(read).not.toContain('name="measure"');
      expect(read).not.toContain('name="description"');

      const editing = await visible(await clients.head.request(`${priorityUrl()}?edit=targets`));
      expect(editing).toMatch(/<input[^>]*name="measure"/);
      expect(editing).toContain("Latest result (%): Attendance % · Disadvantaged pupils");
      expect(editing).toMatch(/aria-expanded="true"/);
      // Only the section asked for opens.
      expect(editing).not.toContain('name="description"');
      expect(editing).toMatch(
        new RegExp(`<a [^>]*href="/schools/${schoolId}/plan/priorities/${priorityId}#targets"[^>]*>Cancel</a>`),
      );

      const plan = await visible(await clients.head.request(`${planUrl()}?edit=area-quality_of_education`));
      expect(plan).toMatch(/<select[^>]*name="judgement"/);
      expect(plan.match(/name="judgement"/g)).toHaveLength(1);
      expect(plan).toContain(`href="${planUrl()}?edit=priorities#priorities"`);
      expect(plan).toMatch(/>Add a priority<\/a>/);
    });

    it("folds comments behind their count, with the comment form inside the fold", async () => {
      const res = await clients.sip.post(`${priorityUrl()}?index`, {
        intent: "comment",
        subjectKind: "priority",
        subjectId: priorityId,
        body: "What does the autumn data show?",
      });
      expect(res.status).toBe(200);
      const html = await visible(await clients.sip.request(priorityUrl()));
      const fold = html.match(new RegExp(`<details[^>]*data-testid="threads-${priorityId}"[\\s\\S]*?</details>`))?.[0];
      expect(fold).toBeDefined();
      expect(fold).not.toMatch(/<details[^>]* open=""/);
      expect(fold).toMatch(/<summary[^>]*>Comments on this priority <span[^>]*>\(1 open\)<\/span><\/summary>/);
      expect(fold).toContain("What does the autumn data show?");
      expect(fold).toContain("Comment on this priority");
      // Nothing but the folds carries a comment box.
      const outside = html.replace(/<details[\s\S]*?<\/details>/g, "");
      expect(outside).not.toContain('name="body"');
    });

    it("shows last year's plan with ?year=, read only: no Edit links, links that stay in that year", async () => {
      const res = await clients.head.request(`${planUrl()}?year=${lastYearParam}`);
      expect(res.status).toBe(200);
      const html = await visible(res);
      expect(html).toContain("Improve phonics in Key Stage 1");
      expect(html).not.toContain("Raise attendance of disadvantaged pupils");
      expect(html).toContain("(read only)");
      expect(html).not.toContain("?edit=");
      expect(html).toContain(`href="/schools/${schoolId}/plan/priorities/${oldPriorityId}?year=${lastYearParam}"`);
      // This year's plan still lists this year's priorities, with the switcher offering last year.
      const now = await visible(await clients.head.request(planUrl()));
      expect(now).toContain("Raise attendance of disadvantaged pupils");
      expect(now).toMatch(new RegExp(`<option value="${lastYearParam}"`));

      const priority = await visible(
        await clients.head.request(`/schools/${schoolId}/plan/priorities/${oldPriorityId}?year=${lastYearParam}`),
      );
      expect(priority).toContain("Phonics check pass %");
      expect(priority).toContain("read only");
      expect(priority).not.toContain("?edit=");
      // Without the year, last year's priority is not part of this year's plan.
      expect((await clients.head.request(`/schools/${schoolId}/plan/priorities/${oldPriorityId}`)).status).toBe(404);
    });

    it("refuses every write to last year's plan (403), for leaders and the SIP alike", async () => {
      const oldUrl = `/schools/${schoolId}/plan/priorities/${oldPriorityId}?year=${lastYearParam}&index`;
      const writes: Record<string, string>[] = [
        { intent: "set-actual", targetId: oldTargetId, actual: "79" },
        { intent: "add-update", body: "A late note on last year" },
        { intent: "edit-priority", title: "Improve phonics", area: "quality_of_education", rationale: "" },
      ];
      for (const form of writes) expect((await clients.head.post(oldUrl, form)).status, form.intent).toBe(403);
      expect(
        (
          await clients.head.post(`${planUrl()}?year=${lastYearParam}&index`, {
            intent: "add-priority",
            title: "A priority added late",
            area: "quality_of_education",
            rationale: "",
          })
        ).status,
      ).toBe(403);
      const comment = { intent: "comment", subjectKind: "target", subjectId: oldTargetId, body: "Late feedback" };
      expect((await clients.sip.post(oldUrl, comment)).status).toBe(403);
      expect((await getPriorityItems(db(), oldPriorityId)).targets[0].actual).toBe(76);
      expect((await getPriorityItems(db(), oldPriorityId)).updates).toHaveLength(0);
      const stored = await db().select().from(planComments);
      expect(stored.filter((c) => c.subjectId === oldTargetId)).toHaveLength(0);
    });
  },
);
