import { areaLabel } from "../../../kernel/plan-areas";
import { Form, useNavigation } from "@remix-run/react";
import { Button } from "../../../components/ui/button";
import { Card } from "../../../components/ui/card";
import { EmptyState } from "../../../components/ui/empty-state";
import { ErrorList } from "../../../components/ui/field";

type Plan = {
  schoolId: string;
  schoolName: string;
  planId: string | null;
  priorities: Array<{ id: string; title: string; area: string }>;
  linked: string[];
};

/** A leader ticks the priorities of their own school's plan that the inquiry serves. */
export function PlanPicker({
  plan,
  schoolYear,
  saved,
  errors,
}: {
  plan: Plan;
  schoolYear: string;
  saved: boolean;
  errors?: string[];
}) {
  const navigation = useNavigation();
  const headingId = `plan-${plan.schoolId}`;
  return (
    <Card title={`${plan.schoolName}: improvement plan ${schoolYear}`} id={headingId}>
      {plan.priorities.length === 0 ? (
        <EmptyState title="No plan yet">
          {plan.planId
            ? "Your plan has no priorities yet. "
            : "Your school has no improvement plan for this year in Commons yet. "}
          You write it with your School Improvement Partner; once its priorities are in, come back here to link our
          inquiry to them.
        </EmptyState>
      ) : (
        <Form method="post" className="space-y-3">
          <input type="hidden" name="schoolId" value={plan.schoolId} />
          <ErrorList id={`${headingId}-errors`} errors={errors} />
          <fieldset>
            <legend className="font-medium text-slate-900">Which priorities does our inquiry serve?</legend>
            <ul className="mt-2 space-y-2">
              {plan.priorities.map((p) => (
                <li key={p.id} className="flex items-start gap-2">
                  <input
                    type="checkbox"
                    id={`priority-${p.id}`}
                    name="priorityId"
                    value={p.id}
                    defaultChecked={plan.linked.includes(p.id)}
                    className="mt-1 h-4 w-4"
                  />
                  <label htmlFor={`priority-${p.id}`}>
                    {p.title} <span className="text-sm text-slate-600">({areaLabel(p.area)})</span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          {saved ? (
            <p role="status" className="rounded bg-brand-50 p-2 text-sm text-brand-800">
              Links saved.
            </p>
          ) : null}
          <Button type="submit" pending={navigation.state === "submitting"}>
            Save links
          </Button>
        </Form>
      )}
    </Card>
  );
}

type MemberLinks = {
  id: string;
  name: string;
  schools: Array<{ id: string; name: string; count: number; titles: string[] | null }>;
};

/** Who has linked how many priorities; titles only where the viewer may read that school's plan. */
export function LinkSummary({ members }: { members: MemberLinks[] }) {
  return (
    <Card title="Links across the community" id="links-heading">
      {members.length === 0 ? (
        <EmptyState title="No members yet">The facilitator adds school leaders to this community.</EmptyState>
      ) : (
        <ul className="space-y-3" data-testid="link-summary">
          {members.map((m) =>
            m.schools.length === 0 ? (
              <li key={m.id}>{m.name} does not lead a school in Commons.</li>
            ) : (
              m.schools.map((s) => (
                <li key={`${m.id}-${s.id}`}>
                  <span className="font-medium">{m.name}</span> ({s.name}):{" "}
                  {s.count === 0
                    ? "has not linked a priority yet"
                    : `has linked ${s.count} ${s.count === 1 ? "priority" : "priorities"}`}
                  {s.titles && s.titles.length > 0 ? (
                    <ul className="ml-5 list-disc text-sm text-slate-700">
                      {s.titles.map((t) => (
                        <li key={t}>{t}</li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              ))
            ),
          )}
        </ul>
      )}
    </Card>
  );
}
