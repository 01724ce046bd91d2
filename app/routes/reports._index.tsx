import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { StatusPage } from "../components/status-page";
import { EmptyState } from "../components/ui/empty-state";
import { requireActor } from "../features/auth/guard.server";
import { SipReportsTable } from "../features/navigation/components/caseload-tables";
import { IndexPage } from "../features/navigation/components/index-page";
import { loadSipReports } from "../features/navigation/index-pages.server";

export async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = await requireActor(context, request);
  return json(await loadSipReports(context.services.db, actor));
}

export default function ReportsIndex() {
  const { year, sip, reports } = useLoaderData<typeof loader>();
  return (
    <IndexPage title="Reports" lead={sip ? `Your reports on your schools in ${year}.` : undefined}>
      {sip ? (
        <SipReportsTable reports={reports} />
      ) : (
        <EmptyState title="Reports are written by School Improvement Partners">
          A school's reports are on its own page, under Reports.
        </EmptyState>
      )}
    </IndexPage>
  );
}

export const meta: MetaFunction = () => [{ title: "Reports · Commons" }];

export function ErrorBoundary() {
  return <StatusPage />;
}
