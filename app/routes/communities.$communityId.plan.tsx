import { parseWithZod } from "@conform-to/zod";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { getCommunityPeople } from "../../db/queries/community-home";
import { listCommunityLinks, listSchoolPlans, sipIdsBySchool } from "../../db/queries/plan-links";
import { CommunityHeader } from "../features/communities/components/community-nav";
import { LinkSummary, PlanPicker } from "../features/communities/components/plan-picker";
import { StatusPage } from "../components/status-page";
import { Card } from "../components/ui/card";
import { requireCommunityInquiry } from "../features/communities/guard.server";
import { PlanLinkSchema } from "../features/inquiry/schema";
import { linkInquiryToPlan } from "../features/inquiry/service.server";
import { forbidden } from "../utils/http.server";
import { canLinkInquiryToPlan, canViewSchoolImprovement, ledSchoolIds } from "../kernel/permissions";
import { schoolYearOf } from "../kernel/school-year";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { actor, scope, community, me } = await requireCommunityInquiry({ context, request, params });
  const { db } = context.services;
  const schoolYear = schoolYearOf(new Date());
  const mine = ledSchoolIds(actor).filter((id) => canLinkInquiryToPlan(actor, scope, id));
  const [people, plans, links] = await Promise.all([
    getCommunityPeople(db, community.id),
    listSchoolPlans(db, mine, schoolYear),
    listCommunityLinks(db, community.id),
  ]);
  const sips = await sipIdsBySchool(
    db,
    [...new Set(people.members.flatMap((m) => m.schools.map((s) => s.id)))],
    schoolYear,
  );
  // A school's plan is for the school, its SIP and its authority: everyone else learns only how many.
  const summary = people.members.map((m) => ({
    id: m.id,
    name: m.name,
    schools: m.schools.map((s) => {
      const linked = links.filter((l) => l.schoolId === s.id);
      const mayRead = canViewSchoolImprovement(actor, {
        schoolId: s.id,
        authorityId: scope.authorityId,
        sipIds: sips.get(s.id) ?? [],
      });
      return { id: s.id, name: s.name, count: linked.length, titles: mayRead ? linked.map((l) => l.title) : null };
    }),
  }));
  const linkedIds = links.map((l) => l.priorityId);
  return json({
    community: { id: community.id, name: community.name, cohortName: community.cohortName },
    me,
    schoolYear,
    plans: plans.map((p) => ({ ...p, linked: p.priorities.filter((q) => linkedIds.includes(q.id)).map((q) => q.id) })),
    summary,
  });
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const { actor, scope, community } = await requireCommunityInquiry({ context, request, params });
  const submission = parseWithZod(await request.formData(), { schema: PlanLinkSchema });
  if (submission.status !== "success") return json({ ...submission.reply(), saved: null }, { status: 400 });
  const { schoolId, priorityId } = submission.value;
  const linked = await linkInquiryToPlan(
    context.services,
    actor,
    { id: community.id, scope },
    { schoolId, priorityIds: priorityId },
  );
  if (!linked.ok && linked.reason === "forbidden") forbidden(linked.message);
  if (!linked.ok) return json({ ...submission.reply({ formErrors: linked.formErrors }), saved: null }, { status: 400 });
  return json({ ...submission.reply(), saved: schoolId });
}

export default function PlanPage() {
  const { community, me, schoolYear, plans, summary } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <main id="main" className="mx-auto max-w-4xl space-y-6 px-4 py-8">
      <div>
        <CommunityHeader community={community} title="link to my plan" step="plan" me={me} />
        <p className="mt-3 max-w-3xl text-slate-700">
          Step 6: link our inquiry to the priorities of your own school&apos;s improvement plan for {schoolYear}, so
          your School Improvement Partner sees the inquiry as evidence for them. Only you, your SIP and the authority
          see which priorities you chose.
        </p>
      </div>
      {plans.length > 0 ? (
        plans.map((p) => (
          <PlanPicker
            key={p.schoolId}
            plan={p}
            schoolYear={schoolYear}
            saved={result?.saved === p.schoolId}
            errors={result?.saved === null ? (result.error?.[""] ?? undefined) : undefined}
          />
        ))
      ) : (
        <Card title="Your school's plan" id="picker-heading">
          <p className="text-slate-700">
            Each head teacher in the community links their own school&apos;s plan here; you do not lead a member school.
          </p>
        </Card>
      )}
      <LinkSummary members={summary} />
    </main>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Link to my plan · ${data?.community.name ?? "Community"} · Commons` },
];

export function ErrorBoundary() {
  return <StatusPage />;
}
