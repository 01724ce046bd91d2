import type { ReactNode } from "react";
import { Breadcrumbs } from "../../../components/ui/breadcrumbs";

/** The frame of an index page: the trail from the dashboard, the heading, a line of context, then the list. */
export function IndexPage({ title, lead, children }: { title: string; lead?: ReactNode; children: ReactNode }) {
  return (
    <main id="main" className="mx-auto max-w-5xl px-4 py-8">
      <Breadcrumbs items={[{ label: "Dashboard", to: "/dashboard" }, { label: title }]} />
      <h1 className="mt-1 text-2xl font-bold">{title}</h1>
      {lead ? <p className="mt-1 text-slate-700">{lead}</p> : null}
      <div className="mt-6 space-y-6">{children}</div>
    </main>
  );
}
