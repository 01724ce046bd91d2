import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { StatusPage } from "../components/status-page";
import { EmptyState } from "../components/ui/empty-state";
import { requireActor } from "../features/auth/guard.server";
import { SipVisitsTable } from "../features/navigation/components/caseload-tables";
import { IndexPage } from "../features/navigation/components/index-page";
import { loadSipVisits } from "../features/navigation/index-pages.server";

export async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = await requireActor(context, request);
  return json(await loadSipVisits(context.services.db, actor));
}

export default function VisitsIndex() {
  const { year, sip, visits } = useLoaderData<typeof loader>();
  return (
    <IndexPage title="Visits" lead={sip ? `Time logged across your schools in ${year}.` : undefined}>
      {sip ? (
        <SipVisitsTable visits={visits} />
      ) : (
        <EmptyState title="Visits are logged by School Improvement Partners">
          A school's visits are on its own page, under Visits.
        </EmptyState>
      )}
    </IndexPage>
  );
}

export const meta: MetaFunction = () => [{ title: "Visits · Commons" }];

export function ErrorBoundary() {
  return <StatusPage />;
}
