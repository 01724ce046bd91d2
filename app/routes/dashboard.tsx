import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { StatusPage } from "../components/status-page";
import { Card } from "../components/ui/card";
import { EmptyState } from "../components/ui/empty-state";
import { requireActor } from "../features/auth/guard.server";
import {
  AssignedSchoolsCard,
  AuthorityCard,
  CohortsCard,
  CommunitiesCard,
  SchoolsCard,
} from "../features/dashboard/components/role-home-cards";
import { TodoSection } from "../features/dashboard/components/todo-list";
import { loadRoleHome } from "../features/dashboard/role-home.server";

export async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = await requireActor(context, request);
  return json(await loadRoleHome(context.services.db, actor, new Date()));
}

export default function Dashboard() {
  const data = useLoaderData<typeof loader>();
  const nothing = data.roles.length === 0;
  return (
    <main id="main" className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-2xl font-bold">Welcome, {data.name}</h1>
      {nothing ? null : (
        <p className="mt-1 text-slate-700">
          {data.roles.join(" · ")}{" "}
          {data.authorities.length ? `in ${data.authorities.map((a) => a.name).join(", ")}` : null}
        </p>
      )}
      {nothing ? null : (
        <div className="mt-6">
          <TodoSection todo={data.todo} terminology={data.terminology} />
        </div>
      )}
      <div className="mt-6 grid gap-6 md:grid-cols-2">
        {nothing ? (
          <Card title="Getting started">
            <EmptyState title="You do not have a role in Commons yet">
              Ask your local authority admin to invite you as a school leader, facilitator, School Improvement Partner
              or governor. Your dashboard fills in as soon as they do.
            </EmptyState>
          </Card>
        ) : null}
        {data.led.length > 0 ? (
          <SchoolsCard title={data.led.length > 1 ? "Your schools" : "Your school"} schools={data.led} />
        ) : null}
        {data.governed.length > 0 ? (
          <SchoolsCard
            title={data.terminology === "en-US" ? "Your school board" : "Schools you govern"}
            schools={data.governed}
          />
        ) : null}
        {data.facilitator || data.leader || data.cohorts.length > 0 ? (
          <CohortsCard cohorts={data.cohorts} facilitator={data.facilitator} />
        ) : null}
        {data.facilitator || data.leader || data.communities.length > 0 ? (
          <CommunitiesCard communities={data.communities} facilitator={data.facilitator} />
        ) : null}
        {data.sip ? <AssignedSchoolsCard year={data.year} assigned={data.assigned} /> : null}
        {data.admin ? <AuthorityCard /> : null}
      </div>
    </main>
  );
}

export const meta: MetaFunction = () => [{ title: "Dashboard · Commons" }];

export function ErrorBoundary() {
  return <StatusPage />;
}
