import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { listPlanComments } from "../../db/queries/plan-comments";
import { listPriorities, listSelfEvaluations } from "../../db/queries/plans";
import { CommentThreads } from "../features/plans/components/comment-threads";
import { PriorityForm } from "../features/plans/components/priority-form";
import { PriorityList } from "../features/plans/components/priority-list";
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
  const [evaluations, priorities, comments] = plan
    ? await Promise.all([listSelfEvaluations(db, plan.id), listPriorities(db, plan.id), listPlanComments(db, plan.id)])
    : [[], [], []];
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
  const areas = data.areas.filter(isPlanArea) as PlanArea[];
  return (
    <>
      <h1 className="mt-4 text-2xl font-bold">Improvement plan</h1>
      {!data.planId ? (
        <p className="mt-2 text-sm text-slate-700">
          {data.canEdit
            ? "This year's plan has not been started. It begins when you save the first judgement or priority."
            : "The school's leaders have not started this year's plan yet."}
        </p>
      ) : null}
      {data.planId ? (
        <CommentThreads
          subjectKind="plan"
          subjectId={data.planId}
          itemName="the plan as a whole"
          threads={data.planThreads}
          canComment={data.canComment}
        />
      ) : null}
      <SelfEvaluation
        rows={data.rows as AreaRow[]}
        terminology={data.terminology}
        canEdit={data.canEdit}
        canComment={data.canComment}
      />
      <section aria-labelledby="priorities-heading" className="mt-10">
        <h2 id="priorities-heading" className="text-xl font-semibold">
          Priorities ({data.priorities.length})
        </h2>
        <div className="mt-3">
          <PriorityList
            schoolId={data.schoolId}
            priorities={data.priorities}
            terminology={data.terminology}
            canEdit={data.canEdit}
          />
        </div>
      </section>
      {data.canEdit ? (
        <section
          aria-labelledby="add-priority-heading"
          className="mt-8 rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
        >
          <h2 id="add-priority-heading" className="text-lg font-semibold">
            Add a priority
          </h2>
          <div className="mt-3">
            <PriorityForm intent="add-priority" areas={areas} terminology={data.terminology} submit="Add priority" />
          </div>
        </section>
      ) : null}
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Improvement plan · Commons" }];
