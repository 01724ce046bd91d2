import { Link } from "@remix-run/react";
import type { School } from "../../../../db/queries/schools";
import { FormattedDate } from "../../../components/date-context";
import { Card } from "../../../components/ui/card";
import { EmptyState } from "../../../components/ui/empty-state";
import { categoryLabels, phaseLabels } from "../../../kernel/school-phases";
import { usedSentence } from "../../visits/day-budget";

/** The communities of practice a person belongs to or facilitates. */
export function CommunitiesCard({
  communities,
  facilitator,
}: {
  communities: Array<{ id: string; name: string; cohortName: string }>;
  facilitator: boolean;
}) {
  return (
    <Card title="Your communities of practice">
      {communities.length === 0 ? (
        <EmptyState title="You are not in a community of practice yet">
          {facilitator
            ? "When you form communities in your cohort, they appear here with their inquiry."
            : "When your facilitator places you in a community, its shared inquiry appears here."}
        </EmptyState>
      ) : (
        <ul className="space-y-3">
          {communities.map((c) => (
            <li key={c.id}>
              <Link
                to={`/communities/${c.id}`}
                className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline"
              >
                {c.name}
              </Link>
              <p className="text-sm text-slate-700">{c.cohortName} · shared inquiry</p>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

/** A SIP's assigned schools this school year, each a link to the school, with days used of the budget and the next visit. */
export function AssignedSchoolsCard({
  year,
  assigned,
}: {
  year: string;
  assigned: Array<{ id: string; name: string; dayBudget: number; used: number; nextVisit: string | null }>;
}) {
  return (
    <Card title={`Your assigned schools (${year})`}>
      {assigned.length === 0 ? (
        <EmptyState title="No schools are assigned to you yet">
          Your local authority admin assigns schools to School Improvement Partners. Contact them if you expected to see
          schools here.
        </EmptyState>
      ) : (
        <ul className="space-y-3">
          {assigned.map((s) => (
            <li key={s.id}>
              <Link to={`/schools/${s.id}`} className="font-semibold text-brand-700 underline">
                {s.name}
              </Link>
              <p className={`text-sm ${s.used > s.dayBudget ? "font-semibold text-red-800" : "text-slate-700"}`}>
                {usedSentence(s.dayBudget, s.used)}
                {s.used > s.dayBudget ? " (over budget)" : null} ·{" "}
                {s.nextVisit ? (
                  <>
                    next visit <FormattedDate value={s.nextVisit} style="day-month" />
                  </>
                ) : (
                  "no visit booked"
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

/** An authority admin's ways in: schools, people, SIP deployment and invitations (what waits is in "To do"). */
export function AuthorityCard() {
  const links = [
    ["/admin/schools", "Schools"],
    ["/admin/people", "People"],
    ["/admin/sips", "SIP deployment"],
    ["/admin/invitations", "Invitations"],
  ] as const;
  return (
    <Card title="Your authority">
      <ul className="grid grid-cols-2 gap-2 text-sm">
        {links.map(([to, label]) => (
          <li key={to}>
            <Link to={to} className="font-semibold text-brand-700 underline">
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}

/** The cohorts a person facilitates or takes part in. */
export function CohortsCard({
  cohorts,
  facilitator,
}: {
  cohorts: Array<{ id: string; name: string; schoolYear: string; role: string }>;
  facilitator: boolean;
}) {
  // One entry per cohort, even for someone who both facilitates it and takes part.
  const byId = new Map<string, (typeof cohorts)[number]>();
  for (const c of cohorts) if (!byId.has(c.id) || c.role === "facilitator") byId.set(c.id, c);
  const unique = [...byId.values()];
  return (
    <Card title="Your cohorts">
      {unique.length === 0 ? (
        <EmptyState title="You are not in a cohort yet">
          {facilitator
            ? "Start a cohort for the school leaders you will meet with each month."
            : "When your facilitator adds you to a cohort, its sessions appear here."}
        </EmptyState>
      ) : (
        <ul className="space-y-3">
          {unique.map((c) => (
            <li key={c.id}>
              <Link to={`/cohorts/${c.id}`} className="font-semibold text-brand-700 underline">
                {c.name}
              </Link>
              <p className="text-sm text-slate-700">
                {c.schoolYear} · {c.role === "facilitator" ? "you facilitate" : "school leader"}
              </p>
            </li>
          ))}
        </ul>
      )}
      {facilitator ? (
        <p className="mt-4 text-sm">
          <Link to="/cohorts/new" className="font-semibold text-brand-700 underline">
            Start a cohort
          </Link>
        </p>
      ) : null}
    </Card>
  );
}

type SchoolRow = Pick<School, "id" | "name" | "phase" | "category" | "locality">;

/** Schools a person leads or governs. */
export function SchoolsCard({ title, schools }: { title: string; schools: SchoolRow[] }) {
  return (
    <Card title={title}>
      <ul className="space-y-3">
        {schools.map((s) => (
          <li key={s.id}>
            <Link to={`/schools/${s.id}`} className="font-semibold text-brand-700 underline">
              {s.name}
            </Link>
            <p className="text-sm text-slate-700">
              {phaseLabels[s.phase]} · {s.locality} · {categoryLabels[s.category]}
            </p>
          </li>
        ))}
      </ul>
    </Card>
  );
}
