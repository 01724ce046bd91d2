import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { listPlanComments } from "../../db/queries/plan-comments";
import { getPriorityItems } from "../../db/queries/plans";
import { ActionForm } from "../features/plans/components/action-form";
import { ActionList, type ActionView } from "../features/plans/components/action-list";
import { CommentThreads } from "../features/plans/components/comment-threads";
import { EvidenceLinks } from "../features/plans/components/evidence-links";
import { PriorityForm } from "../features/plans/components/priority-form";
import { ProgressUpdates } from "../features/plans/components/progress-updates";
import { TargetForm } from "../features/plans/components/target-form";
import { TargetList } from "../features/plans/components/target-list";
import { areasForPhase, toPlanArea } from "../kernel/plan-areas";
import { commentAction, isCommentIntent } from "../features/plans/comment-actions.server";
import { priorityItemAction } from "../features/plans/item-actions.server";
import { groupThreads, threadsFor } from "../features/plans/threads";
import { requirePlanAccess, requirePriority } from "../features/plans/guard.server";
import { serviceDeps } from "../features/schools/service-deps.server";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const access = await requirePlanAccess(context, request, params.schoolId);
  const { plan, priority } = await requirePriority(context, access, params.priorityId);
  const { db } = context.services;
  const [items, comments] = await Promise.all([getPriorityItems(db, priority.id), listPlanComments(db, plan.id)]);
  const threads = groupThreads(comments);
  const areas = areasForPhase(access.school.phase);
  // A priority written as "Quality of education" still preselects its area in the edit form.
  const area = toPlanArea(priority.area);
  return json({
    priority: { ...priority, area: area ?? priority.area },
    terminology: access.school.terminology,
    areas: area && !areas.includes(area) ? [...areas, area] : areas,
    priorityThreads: threadsFor(threads, "priority", priority.id),
    targets: items.targets.map((t) => ({ ...t, threads: threadsFor(threads, "target", t.id) })),
    actions: items.actions.map((a) => ({ ...a, threads: threadsFor(threads, "action", a.id) })),
    updates: items.updates,
    evidence: items.evidence,
    inquiries: items.inquiries,
    canEdit: access.canEdit,
    canComment: access.canComment,
  });
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const access = await requirePlanAccess(context, request, params.schoolId);
  const { priority } = await requirePriority(context, access, params.priorityId);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const deps = serviceDeps(context, request);
  if (isCommentIntent(intent)) return commentAction(deps, access.actor, access, form);
  return priorityItemAction(deps, access.actor, { access, priorityId: priority.id }, intent, form);
}

export default function PriorityPage() {
  const data = useLoaderData<typeof loader>();
  const { priority, canEdit, canComment } = data;
  return (
    <div className="space-y-10 py-6">
      <div className="grid gap-4 md:grid-cols-2">
        <div>
          <h2 className="text-lg font-semibold">Rationale</h2>
          <p className="mt-1 whitespace-pre-line text-sm text-slate-800">
            {priority.rationale || "No rationale written yet."}
          </p>
          {canEdit ? (
            <details className="mt-3">
              <summary className="cursor-pointer text-sm font-semibold text-brand-800">Change this priority</summary>
              <div className="mt-3">
                <PriorityForm
                  intent="edit-priority"
                  areas={data.areas}
                  terminology={data.terminology}
                  defaultValue={priority}
                  submit="Save priority"
                />
              </div>
            </details>
          ) : null}
        </div>
        <CommentThreads
          subjectKind="priority"
          subjectId={priority.id}
          itemName="this priority"
          threads={data.priorityThreads}
          canComment={canComment}
        />
      </div>
      <Section
        id="targets"
        title={`SMART targets (${data.targets.length})`}
        form={canEdit ? { title: "Add a target", body: <TargetForm /> } : null}
      >
        <TargetList targets={data.targets} canEdit={canEdit} canComment={canComment} />
      </Section>
      <Section
        id="actions"
        title={`Actions (${data.actions.length})`}
        form={canEdit ? { title: "Add an action", body: <ActionForm /> } : null}
      >
        <ActionList actions={data.actions as ActionView[]} canEdit={canEdit} canComment={canComment} />
      </Section>
      <Section id="progress" title="Progress">
        <ProgressUpdates updates={data.updates} canEdit={canEdit} />
      </Section>
      <Section id="evidence" title="Evidence">
        <EvidenceLinks evidence={data.evidence} inquiries={data.inquiries} canEdit={canEdit} />
      </Section>
    </div>
  );
}

function Section({
  id,
  title,
  children,
  form,
}: {
  id: string;
  title: string;
  children: ReactNode;
  form?: { title: string; body: ReactNode } | null;
}) {
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="text-xl font-semibold">
        {title}
      </h2>
      <div className="mt-3">{children}</div>
      {form ? (
        <div className="mt-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <h3 className="font-semibold">{form.title}</h3>
          <div className="mt-3">{form.body}</div>
        </div>
      ) : null}
    </section>
  );
}

export const meta: MetaFunction = () => [{ title: "Priority · Improvement plan · Commons" }];
