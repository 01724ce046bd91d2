import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { StatusPage } from "../components/status-page";
import { requireActor } from "../features/auth/guard.server";
import { CohortsCard } from "../features/dashboard/components/role-home-cards";
import { IndexPage } from "../features/navigation/components/index-page";
import { loadCohortsIndex } from "../features/navigation/index-pages.server";
import { isFacilitator } from "../kernel/permissions";

export async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = await requireActor(context, request);
  return json({ ...(await loadCohortsIndex(context.services.db, actor)), facilitator: isFacilitator(actor) });
}

export default function CohortsIndex() {
  const { cohorts, facilitator } = useLoaderData<typeof loader>();
  return (
    <IndexPage title="Cohorts">
      <CohortsCard cohorts={cohorts} facilitator={facilitator} />
    </IndexPage>
  );
}

export const meta: MetaFunction = () => [{ title: "Cohorts · Commons" }];

export function ErrorBoundary() {
  return <StatusPage />;
}
