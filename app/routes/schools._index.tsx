import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StatusPage } from "../components/status-page";
import { Card } from "../components/ui/card";
import { EmptyState } from "../components/ui/empty-state";
import { requireActor } from "../features/auth/guard.server";
import { CaseloadTable } from "../features/navigation/components/caseload-tables";
import { IndexPage } from "../features/navigation/components/index-page";
import { loadSchoolsIndex } from "../features/navigation/index-pages.server";

export async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = await requireActor(context, request);
  return json(await loadSchoolsIndex(context.services.db, actor));
}

export default function SchoolsIndex() {
  const { year, assigned, own, admin, sip } = useLoaderData<typeof loader>();
  const nothing = !sip && own.length === 0 && !admin;
  return (
    <IndexPage title="Schools" lead={sip ? `Your schools for ${year}.` : undefined}>
      {sip ? <CaseloadTable schools={assigned} caption={`Your assigned schools (${year})`} /> : null}
      {own.length > 0 ? (
        <Card title={own.length > 1 ? "Your schools" : "Your school"}>
          <ul className="space-y-2">
            {own.map((s) => (
              <li key={s.id}>
                <Link to={`/schools/${s.id}`} className="font-semibold text-brand-700 underline">
                  {s.name}
                </Link>{" "}
                <span className="text-sm text-slate-700">· {s.role}</span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      {admin ? (
        <p>
          <Link to="/admin/schools" className="font-semibold text-brand-700 underline">
            All the authority's schools
          </Link>
        </p>
      ) : null}
      {nothing ? (
        <EmptyState title="You have no schools in Commons">
          Schools appear here when your local authority admin gives you a role in one.
        </EmptyState>
      ) : null}
    </IndexPage>
  );
}

export const meta: MetaFunction = () => [{ title: "Schools · Commons" }];

export function ErrorBoundary() {
  return <StatusPage />;
}
