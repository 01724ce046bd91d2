import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StatusPage } from "../components/status-page";
import { EmptyState } from "../components/ui/empty-state";
import { requireActor } from "../features/auth/guard.server";
import { NoSchoolsYet } from "../features/navigation/components/caseload-tables";
import { IndexPage } from "../features/navigation/components/index-page";
import { loadBrokeringIndex } from "../features/navigation/index-pages.server";

export async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = await requireActor(context, request);
  return json(await loadBrokeringIndex(context.services.db, actor));
}

export default function BrokeringIndex() {
  const { sip, schools } = useLoaderData<typeof loader>();
  return (
    <IndexPage
      title="Brokering"
      lead="Find schools with measured impact on a similar priority, for each of your schools."
    >
      {!sip ? (
        <EmptyState title="Brokering is done by School Improvement Partners" />
      ) : schools.length === 0 ? (
        <NoSchoolsYet />
      ) : (
        <ul
          className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white"
          data-testid="brokering-schools"
        >
          {schools.map((s) => (
            <li key={s.id} className="px-4 py-3">
              <Link to={`/schools/${s.id}/brokering`} className="font-semibold text-brand-700 underline">
                {s.name}
              </Link>
              <span className="text-sm text-slate-700"> · broker good practice</span>
            </li>
          ))}
        </ul>
      )}
    </IndexPage>
  );
}

export const meta: MetaFunction = () => [{ title: "Brokering · Commons" }];

export function ErrorBoundary() {
  return <StatusPage />;
}
