import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { StatusPage } from "../components/status-page";
import { requireActor } from "../features/auth/guard.server";
import { CommunitiesCard } from "../features/dashboard/components/role-home-cards";
import { IndexPage } from "../features/navigation/components/index-page";
import { loadCommunitiesIndex } from "../features/navigation/index-pages.server";
import { isFacilitator } from "../kernel/permissions";

export async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = await requireActor(context, request);
  return json({ ...(await loadCommunitiesIndex(context.services.db, actor)), facilitator: isFacilitator(actor) });
}

export default function CommunitiesIndex() {
  const { communities, facilitator } = useLoaderData<typeof loader>();
  return (
    <IndexPage title="Communities">
      <CommunitiesCard communities={communities} facilitator={facilitator} />
    </IndexPage>
  );
}

export const meta: MetaFunction = () => [{ title: "Communities · Commons" }];

export function ErrorBoundary() {
  return <StatusPage />;
}
