import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getAuthoritiesByIds } from "../../db/queries/authorities";
import { listCohortsForUser } from "../../db/queries/cohorts";
import { getAuthoritySummary } from "../../db/queries/dashboard";
import { listAssignedSchools, listCommunitiesForUser } from "../../db/queries/communities";
import { getSchoolsByIds, type School } from "../../db/queries/schools";
import { Card } from "../components/ui/card";
import { EmptyState } from "../components/ui/empty-state";
import { StatusPage } from "../components/status-page";
import { requireActor } from "../utils/permissions.server";
import { adminAuthorityIds, governedSchoolIds, isFacilitator, isSip, ledSchoolIds } from "../utils/permissions";
import { categoryLabels, phaseLabels, roleLabel } from "../utils/roles";
import { schoolYearOf } from "../utils/school-year";

export async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = await requireActor(context, request);
  const { db } = context.services;
  const adminIds = adminAuthorityIds(actor);
  const year = schoolYearOf(new Date());
  const [led, governed, authorities, summaries, communities, assigned, cohorts] = await Promise.all([
    getSchoolsByIds(db, ledSchoolIds(actor)),
    getSchoolsByIds(db, governedSchoolIds(actor)),
    getAuthoritiesByIds(db, [...new Set(actor.grants.map((g) => g.authorityId))]),
    Promise.all(adminIds.map(async (id) => ({ authorityId: id, ...(await getAuthoritySummary(db, id)) }))),
    listCommunitiesForUser(db, actor.userId, year),
    isSip(actor) ? listAssignedSchools(db, actor.userId, year) : Promise.resolve([] as Array<{ id: string; name: string; dayBudget: number }>),
    listCohortsForUser(db, actor.userId),
  ]);
  const terminology = authorities[0]?.terminology ?? "en-GB";
  return json({
    name: actor.user.name,
    roles: [...new Set(actor.grants.map((g) => roleLabel(g.role, terminology)))],
    authorities: authorities.map((a) => ({ id: a.id, name: a.name })),
    led,
    governed,
    facilitator: isFacilitator(actor),
    sip: isSip(actor),
    admin: summaries,
    communities,
    cohorts,
    assigned,
    leader: ledSchoolIds(actor).length > 0,
    year,
    terminology,
  });
}

export default function Dashboard() {
  const data = useLoaderData<typeof loader>();
  const nothing = data.roles.length === 0;
  return (
    <main id="main" className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-2xl font-bold">Welcome, {data.name}</h1>
      {nothing ? null : (
        <p className="mt-1 text-slate-700">
          {data.roles.join(" · ")} {data.authorities.length ? `in ${data.authorities.map((a) => a.name).join(", ")}` : null}
        </p>
      )}
      <div className="mt-6 grid gap-6 md:grid-cols-2">
        {nothing ? (
          <Card title="Getting started">
            <EmptyState title="You do not have a role in Commons yet">
              Ask your local authority admin to invite you as a school leader, facilitator, School Improvement Partner or
              governor. Your dashboard fills in as soon as they do.
            </EmptyState>
          </Card>
        ) : null}
        {data.led.length > 0 ? <SchoolsCard title={data.led.length > 1 ? "Your schools" : "Your school"} schools={data.led} /> : null}
        {data.governed.length > 0 ? (
          <SchoolsCard title={data.terminology === "en-US" ? "Your school board" : "Schools you govern"} schools={data.governed} />
        ) : null}
        {data.facilitator || data.leader || data.cohorts.length > 0 ? (
          <CohortsCard cohorts={data.cohorts} facilitator={data.facilitator} />
        ) : null}
        {data.facilitator || data.leader || data.communities.length > 0 ? (
          <Card title="Your communities of practice">
            {data.communities.length === 0 ? (
              <EmptyState title="You are not in a community of practice yet">
                {data.facilitator
                  ? "When you form communities in your cohort, they appear here with their inquiry."
                  : "When your facilitator places you in a community, its shared inquiry appears here."}
              </EmptyState>
            ) : (
              <ul className="space-y-3">
                {data.communities.map((c) => (
                  <li key={c.id}>
                    <Link to={`/communities/${c.id}`} className="font-semibold text-brand-700 underline">
                      {c.name}
                    </Link>
                    <p className="text-sm text-slate-700">{c.cohortName} · shared inquiry</p>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        ) : null}
        {data.sip ? (
          <Card title={`Your assigned schools (${data.year})`}>
            {data.assigned.length === 0 ? (
              <EmptyState title="No schools are assigned to you yet">
                Your local authority admin assigns schools to School Improvement Partners. Contact them if you expected to see
                schools here.
              </EmptyState>
            ) : (
              <ul className="space-y-2">
                {data.assigned.map((s) => (
                  <li key={s.id} className="flex justify-between gap-2 text-sm">
                    <span className="font-medium">{s.name}</span>
                    <span className="text-slate-700">{s.dayBudget} days this year</span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        ) : null}
        {data.admin.map((a) => (
          <Card key={a.authorityId} title="Your authority">
            <dl className="grid grid-cols-3 gap-3 text-center">
              <Stat label="Schools" value={a.schools} />
              <Stat label="People" value={a.people} />
              <Stat label="Invitations waiting" value={a.pendingInvitations} />
            </dl>
            <p className="mt-4 flex flex-wrap gap-4 text-sm">
              <Link to="/admin/schools" className="font-semibold text-brand-700 underline">
                {a.schools === 0 ? "Add your first school" : "Manage schools"}
              </Link>
              <Link to="/admin/people" className="font-semibold text-brand-700 underline">
                Invite and manage people
              </Link>
            </p>
          </Card>
        ))}
      </div>
    </main>
  );
}

function CohortsCard({ cohorts, facilitator }: { cohorts: Array<{ id: string; name: string; schoolYear: string; role: string }>; facilitator: boolean }) {
  // One entry per cohort, even for someone who both facilitates it and takes part.
  const byId = new Map<string, (typeof cohorts)[number]>();
  for (const c of cohorts) if (!byId.has(c.id) || c.role === "facilitator") byId.set(c.id, c);
  const unique = [...byId.values()];
  return (
    <Card title="Your cohorts">
      {unique.length === 0 ? (
        <EmptyState title="You are not in a cohort yet">
          {facilitator ? "Start a cohort for the school leaders you will meet with each month." : "When your facilitator adds you to a cohort, its sessions appear here."}
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

function SchoolsCard({ title, schools }: { title: string; schools: SchoolRow[] }) {
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

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <div className="rounded-md bg-slate-50 p-3">
      <dt className="text-sm text-slate-700">{label}</dt>
      <dd className="text-2xl font-bold text-slate-900">{value}</dd>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Dashboard · Commons" }];

export function ErrorBoundary() {
  return <StatusPage />;
}
