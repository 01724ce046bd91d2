import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getAuthority } from "../../db/queries/authorities";
import { listSchoolPeople } from "../../db/queries/school-people";
import { SchoolCrumbs, SchoolNav } from "../features/schools/components/school-nav";
import { requireSchoolHome, schoolNavLinks, switcherYears } from "../features/schools/guard.server";
import { schoolYearLabel, YearSwitcher } from "../features/schools/components/year-switcher";
import {
  currentSchoolYear,
  isPastSchoolYear,
  schoolYearKey,
  yearFromRequest,
} from "../features/schools/school-year.server";
import { VisitYearCard } from "../features/visits/components/visit-year-card";
import { loadVisitYearSummary } from "../features/visits/year-summary.server";
import { canViewSchool } from "../kernel/permissions";
import { StatusPage } from "../components/status-page";
import { Card } from "../components/ui/card";
import { categoryLabels, phaseLabels } from "../kernel/school-phases";
import { roleLabel } from "../kernel/terminology";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const now = new Date();
  const shown = yearFromRequest(request, now);
  const { actor, school, scope } = await requireSchoolHome(context, request, params.schoolId, {
    year: schoolYearKey(shown),
  });
  const { db } = context.services;
  const links = schoolNavLinks(actor, scope);
  // The year's SIP work is for those who may see the school's improvement records (not governors).
  const [authority, people, years, visitYear] = await Promise.all([
    getAuthority(db, school.authorityId),
    listSchoolPeople(db, school.id),
    links.visits
      ? switcherYears(db, actor, school.id, now, shown, (a, s) => canViewSchool(a, { ...school, sipIds: s.sipIds }))
      : ([] as number[]),
    links.visits ? loadVisitYearSummary(db, scope) : null,
  ]);
  const terminology = authority?.terminology ?? "en-GB";
  return json({
    school,
    authorityName: authority?.name ?? "",
    people: people.map((p) => ({ ...p, roleLabel: roleLabel(p.role, terminology) })),
    links,
    shown,
    readOnly: isPastSchoolYear(shown, now),
    thisYear: currentSchoolYear(now),
    years,
    visitYear,
  });
}

export default function SchoolPage() {
  const { school, authorityName, people, links, shown, readOnly, thisYear, years, visitYear } =
    useLoaderData<typeof loader>();
  const pastYear = readOnly ? shown : undefined;
  return (
    <main id="main" className="mx-auto max-w-4xl px-4 py-8">
      <SchoolCrumbs school={school} pastYear={pastYear} />
      <p className="mt-1 text-sm text-slate-700">{authorityName}</p>
      <h1 className="text-2xl font-bold">{school.name}</h1>
      <SchoolNav schoolId={school.id} links={links} pastYear={pastYear} />
      {links.visits ? <YearSwitcher years={years} current={shown} thisYear={thisYear} /> : null}
      <div className="mt-6 grid gap-6 md:grid-cols-2">
        <Card title="About the school">
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="font-medium">Reference</dt>
            <dd>{school.reference}</dd>
            <dt className="font-medium">Phase</dt>
            <dd>{phaseLabels[school.phase]}</dd>
            <dt className="font-medium">Support category</dt>
            <dd>{categoryLabels[school.category]}</dd>
            <dt className="font-medium">Locality</dt>
            <dd>{school.locality}</dd>
          </dl>
        </Card>
        <Card title="Leadership and governance">
          {people.length === 0 ? (
            <p className="text-sm text-slate-700">
              Nobody has joined for this school yet. The authority admin can invite its head teacher.
            </p>
          ) : (
            <ul className="space-y-1 text-sm">
              {people.map((p) => (
                <li key={`${p.userId}-${p.role}`}>
                  <span className="font-medium">{p.name}</span> · {p.roleLabel}
                </li>
              ))}
            </ul>
          )}
        </Card>
        {links.visits ? (
          <VisitYearCard
            schoolId={school.id}
            yearLabel={schoolYearLabel(shown)}
            pastYear={pastYear}
            summary={visitYear}
          />
        ) : null}
      </div>
    </main>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.school.name} · Commons` : "We could not find that page · Commons" },
];

export function ErrorBoundary() {
  return <StatusPage />;
}
