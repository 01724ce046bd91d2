import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { listPlanComments } from "../../db/queries/plan-comments";
import { listPlanTargets, listPriorities, listSelfEvaluations } from "../../db/queries/plans";
import { CommentThreads } from "../features/plans/components/comment-threads";
import { EditableSection } from "../features/plans/components/editable-section";
import { PriorityForm } from "../features/plans/components/priority-form";
import { usePlanYear } from "../features/plans/components/use-plan-year";
import { schoolYearLabel, YearSwitcher } from "../features/schools/components/year-switcher";
import { countStatuses, targetStatus } from "../features/plans/target-status";
import { todayIn } from "../kernel/dates";
import { schoolYearBounds } from "../kernel/school-year";
import { authorityDateContext } from "../features/admin/authority-dates.server";
import { PriorityList } from "../features/plans/components/priority-list";
import { ExportLinks } from "../features/exports/components/export-links";
import { SelfEvaluation, type AreaRow } from "../features/plans/components/self-evaluation";
import { invariantResponse } from "../utils/http.server";
import { commentAction, isCommentIntent } from "../features/plans/comment-actions.server";
import { areasForPhase, isPlanArea, planAreas, type PlanArea } from "../kernel/plan-areas";
import { PrioritySchema, SelfEvaluationSchema } from "../features/plans/schema";
import { groupThreads, threadsFor } from "../features/plans/threads";
import { planPath, requirePlanAccess } from "../features/plans/guard.server";
import { addPriority, saveSelfEvaluation, startPlan } from "../features/plans/service.server";
import { serviceDeps, throwRefusal } from "../features/schools/service-deps.server";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const access = await requirePlanAccess(context, request, params.schoolId);
  const { db } = context.services;
  const { plan, school } = access;
  const [evaluations, listed, comments, targets] = plan
    ? await Promise.all([
        listSelfEvaluations(db, plan.id),
        listPriorities(db, plan.id),
        listPlanComments(db, plan.id),
        listPlanTargets(db, plan.id),
      ])
    : [[], [], [], []];
  // Each card says where its targets stand, by the same rule as the priority's own page.
  const when = {
    start: schoolYearBounds(access.year).start,
    today: todayIn(await authorityDateContext(db, access.scope.authorityId)),
  };
  const priorities = listed.map((p) => ({
    ...p,
    statuses: countStatuses(targets.filter((t) => t.priorityId === p.id).map((t) => targetStatus(t, when))),
  }));
  const threads = groupThreads(comments);
  // The areas that apply to this phase, plus any the school evaluated before (never hide what is written).
  const stored = evaluations.map((e) => e.area).filter(isPlanArea);
  const areas = planAreas.filter((a) => areasForPhase(school.phase).includes(a) || stored.includes(a));
  const rows = areas.map((area) => {
    const e = evaluations.find((x) => x.area === area);
    return {
      area,
      id: e?.id ?? null,
      judgement: e?.judgement ?? null,
      evidence: e?.evidence ?? "",
      updatedAt: e?.updatedAt ?? null,
      threads: e ? threadsFor(threads, "self_evaluation", e.id) : [],
    };
  });
  return json({
    schoolId: school.id,
    terminology: school.terminology,
    areas: areasForPhase(school.phase),
    planId: plan?.id ?? null,
    planThreads: plan ? threadsFor(threads, "plan", plan.id) : [],
    rows,
    priorities,
    canEdit: access.canEdit,
    canComment: access.canComment,
    pastYear: access.pastYear,
    edit: new URL(request.url).searchParams.get("edit"),
  });
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const access = await requirePlanAccess(context, request, params.schoolId);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const deps = serviceDeps(context, request);
  if (isCommentIntent(intent)) return commentAction(deps, access.actor, access, form);
  invariantResponse(intent === "self-evaluation" || intent === "add-priority", "Unknown request");
  // The plan starts on its leaders' first write (even one whose form comes back with errors).
  const plan = await startPlan(deps, access);
  if ("ok" in plan) throwRefusal(plan);
  if (intent === "self-evaluation") {
    const submission = parseWithZod(form, { schema: SelfEvaluationSchema });
    const key = String(form.get("area") ?? "");
    if (submission.status !== "success") return json({ intent, key, result: submission.reply() }, { status: 400 });
    await saveSelfEvaluation(deps, access.actor, plan, submission.value);
    return json({ intent, key, result: submission.reply() });
  }
  const submission = parseWithZod(form, { schema: PrioritySchema });
  if (submission.status !== "success") return json({ intent, result: submission.reply() }, { status: 400 });
  const { priority } = await addPriority(deps, access.actor, plan, submission.value);
  return redirect(planPath(access.scope.schoolId, priority.id));
}

export default function PlanOverview() {
  const data = useLoaderData<typeof loader>();
  const year = usePlanYear();
  const areas = data.areas.filter(isPlanArea) as PlanArea[];
  return (
    <>
      <header className="mt-4">
        <h1 className="text-3xl font-bold">Improvement plan</h1>
        <p className="mt-1 text-slate-700">School year {schoolYearLabel(year.shownYear)}</p>
        <YearSwitcher years={year.years} current={year.shownYear} />
        <ExportLinks
          label="Export the plan"
          links={[{ href: `/schools/${data.schoolId}/plan/export.pdf${year.yearQuery}`, text: "Download PDF" }]}
        />
      </header>
      {!data.planId ? (
        <p className="mt-4 text-sm text-slate-700">
          {data.pastYear
            ? "The school did not write a plan in Commons for this school year."
            : data.canEdit
              ? "This year's plan has not been started. It begins when you save the first judgement or priority."
              : "The school's leaders have not started this year's plan yet."}
        </p>
      ) : (
        <CommentThreads
          subjectKind="plan"
          subjectId={data.planId}
          itemName="the plan as a whole"
          visibleName="the plan as a whole"
          threads={data.planThreads}
          canComment={data.canComment}
        />
      )}
      <SelfEvaluation
        rows={data.rows as AreaRow[]}
        terminology={data.terminology}
        canEdit={data.canEdit}
        canComment={data.canComment}
        editParam={data.edit}
      />
      <EditableSection
        id="priorities"
        title={`Priorities (${data.priorities.length})`}
        canEdit={data.canEdit}
        editLabel="Add a priority"
        editParam={data.edit}
        owns={(r) => r.intent === "add-priority"}
        form={
          <>
            <h3 className="font-semibold">Add a priority</h3>
            <div className="mt-3">
              <PriorityForm intent="add-priority" areas={areas} terminology={data.terminology} submit="Add priority" />
            </div>
          </>
        }
      >
        <PriorityList
          schoolId={data.schoolId}
          priorities={data.priorities}
          terminology={data.terminology}
          canEdit={data.canEdit}
          yearQuery={year.yearQuery}
        />
      </EditableSection>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Improvement plan · Commons" }];
