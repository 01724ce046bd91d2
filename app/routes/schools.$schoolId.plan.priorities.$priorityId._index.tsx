import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { listPlanComments } from "../../db/queries/plan-comments";
import { getPriorityItems } from "../../db/queries/plans";
import { ActionComments, ActionEditor, ActionTable, type ActionView } from "../features/plans/components/action-list";
import { CommentThreads } from "../features/plans/components/comment-threads";
import { EditableSection } from "../features/plans/components/editable-section";
import { EvidenceLinkForm, EvidenceLinks } from "../features/plans/components/evidence-links";
import { PriorityForm } from "../features/plans/components/priority-form";
import { ProgressUpdateForm, ProgressUpdates } from "../features/plans/components/progress-updates";
import { TargetComments, TargetEditor, TargetTable, type TargetView } from "../features/plans/components/target-list";
import type { IntentReply } from "../features/plans/components/use-intent-result";
import { targetStatus } from "../features/plans/target-status";
import { todayIn } from "../kernel/dates";
import { schoolYearBounds } from "../kernel/school-year";
import { authorityDateContext } from "../features/admin/authority-dates.server";
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
  const today = todayIn(await authorityDateContext(db, access.scope.authorityId));
  const when = { start: schoolYearBounds(plan.schoolYear).start, today };
  return json({
    priority: { ...priority, area: area ?? priority.area },
    terminology: access.school.terminology,
    areas: area && !areas.includes(area) ? [...areas, area] : areas,
    priorityThreads: threadsFor(threads, "priority", priority.id),
    targets: items.targets.map((t) => ({
      ...t,
      status: targetStatus(t, when),
      threads: threadsFor(threads, "target", t.id),
    })),
    actions: items.actions.map((a) => ({
      ...a,
      overdue: a.status !== "done" && a.due < today,
      threads: threadsFor(threads, "action", a.id),
    })),
    updates: items.updates,
    evidence: items.evidence,
    inquiries: items.inquiries,
    canEdit: access.canEdit,
    canComment: access.canComment,
    edit: new URL(request.url).searchParams.get("edit"),
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

const owns =
  (...intents: string[]) =>
  (r: IntentReply) =>
    Boolean(r.intent && intents.includes(r.intent));

export default function PriorityPage() {
  const data = useLoaderData<typeof loader>();
  const { priority, canEdit, canComment, edit } = data;
  const targets = data.targets as TargetView[];
  const actions = data.actions as ActionView[];
  const section = { canEdit, editParam: edit };
  return (
    <div className="pb-10">
      <EditableSection
        id="about"
        title="Why this is a priority"
        {...section}
        owns={owns("edit-priority")}
        form={
          <PriorityForm
            intent="edit-priority"
            areas={data.areas}
            terminology={data.terminology}
            defaultValue={priority}
            submit="Save priority"
          />
        }
      >
        <p className="max-w-prose whitespace-pre-line text-slate-900">
          {priority.rationale || "No rationale written yet."}
        </p>
        <CommentThreads
          subjectKind="priority"
          subjectId={priority.id}
          itemName="this priority"
          visibleName="this priority"
          threads={data.priorityThreads}
          canComment={canComment}
        />
      </EditableSection>
      <EditableSection
        id="targets"
        title={`SMART targets (${targets.length})`}
        {...section}
        owns={owns("add-target", "set-actual")}
        form={<TargetEditor targets={targets} />}
      >
        <TargetTable targets={targets} canEdit={canEdit} />
        <TargetComments targets={targets} canComment={canComment} />
      </EditableSection>
      <EditableSection
        id="actions"
        title={`Actions (${actions.length})`}
        {...section}
        owns={owns("add-action", "set-status")}
        form={<ActionEditor actions={actions} />}
      >
        <ActionTable actions={actions} canEdit={canEdit} />
        <ActionComments actions={actions} canComment={canComment} />
      </EditableSection>
      <EditableSection
        id="progress"
        title="Progress"
        {...section}
        owns={owns("add-update")}
        form={<ProgressUpdateForm />}
      >
        <ProgressUpdates updates={data.updates} canEdit={canEdit} />
      </EditableSection>
      <EditableSection
        id="evidence"
        title="Evidence"
        {...section}
        owns={owns("add-evidence")}
        form={<EvidenceLinkForm />}
      >
        <EvidenceLinks evidence={data.evidence} inquiries={data.inquiries} canEdit={canEdit} />
      </EditableSection>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Priority · Improvement plan · Commons" }];
