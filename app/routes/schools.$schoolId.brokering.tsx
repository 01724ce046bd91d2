import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { getAuthority } from "../../db/queries/authorities";
import { listProposalsForSchool, listSchoolPriorities } from "../../db/queries/brokering";
import { ProposeForm } from "../features/brokering/components/propose-form";
import { StatusPage } from "../components/status-page";
import { Button } from "../components/ui/button";
import { Card } from "../components/ui/card";
import { EmptyState } from "../components/ui/empty-state";
import { anonymousSchool, ProposeSchema } from "../features/brokering/schema";
import { formatPp, humanise } from "../features/reports/sections";
import { phaseLabels } from "../kernel/school-phases";
import { requireBrokering } from "../features/brokering/guard.server";
import { proposeLink } from "../features/brokering/service.server";
import { findMatches } from "../features/brokering/matches.server";
import { describeEvidence, fallIsBetter } from "../features/brokering/matching";
import { serviceDeps, throwRefusal } from "../features/schools/service-deps.server";
import { SchoolCrumbs, SchoolNav } from "../features/schools/components/school-nav";
import { schoolNavLinks } from "../features/schools/guard.server";
import { termsFor } from "../kernel/terminology";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { actor, scope, year } = await requireBrokering(context, request, params.schoolId);
  const { db } = context.services;
  const url = new URL(request.url);
  const [priorities, proposals, authority] = await Promise.all([
    listSchoolPriorities(db, scope.schoolId, year),
    listProposalsForSchool(db, scope.schoolId, year),
    getAuthority(db, scope.authorityId),
  ]);
  const priority = priorities.find((p) => p.id === url.searchParams.get("priority")) ?? priorities[0] ?? null;
  const words = url.searchParams.get("q")?.slice(0, 200) ?? "";
  const matches = priority
    ? ((await findMatches(db, {
        authorityId: scope.authorityId,
        schoolId: scope.schoolId,
        year,
        priorityId: priority.id,
        words,
      })) ?? [])
    : [];
  const authorityWord = termsFor(authority?.terminology).authority;
  const proposedPriorityPairs = new Map(
    proposals.filter((p) => p.status !== "declined").map((p) => [`${p.priorityId}:${p.partnerSchoolId}`, p.status]),
  );
  return json({
    school: { id: scope.schoolId, name: scope.name },
    links: schoolNavLinks(actor, scope),
    priorities: priorities.map(({ id, title, area }) => ({ id, title, area })),
    priorityId: priority?.id ?? null,
    words,
    // Anonymised: no school id or name, only the phase and the measured evidence.
    matches: matches.map((m) => ({
      partnerPriorityId: m.partnerPriorityId,
      who: anonymousSchool(phaseLabels[m.phase] ?? m.phase, authorityWord),
      evidence: describeEvidence(m.best),
      change: `${formatPp(m.best.actual - m.best.baseline)}${fallIsBetter(m.best.measure) ? " (a fall is the improvement)" : ""}`,
      area: humanise(m.area),
      inquiries: m.inquiries,
      status: priority ? (proposedPriorityPairs.get(`${priority.id}:${m.partnerSchoolId}`) ?? null) : null,
    })),
    proposals: proposals.map((p) => ({
      id: p.id,
      status: p.status,
      priorityTitle: p.priorityTitle,
      partner: p.partnerName
        ? `${p.partnerName}${p.headName ? ` · contact ${p.headName}${p.headEmail ? ` (${p.headEmail})` : ""}` : ""}`
        : anonymousSchool(phaseLabels[p.partnerPhase] ?? p.partnerPhase, authorityWord),
    })),
  });
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const { actor, scope, year } = await requireBrokering(context, request, params.schoolId);
  const submission = parseWithZod(await request.formData(), { schema: ProposeSchema });
  const form = `propose-${submission.payload.partnerPriorityId}`;
  if (submission.status !== "success") return json({ form, result: submission.reply() }, { status: 400 });
  const proposed = await proposeLink(serviceDeps(context, request), actor, { scope, year }, submission.value);
  if (!proposed.ok && proposed.status === 400)
    return json({ form, result: submission.reply({ formErrors: [proposed.message] }) }, { status: 400 });
  if (!proposed.ok) throwRefusal(proposed);
  return redirect(`/schools/${scope.schoolId}/brokering?priority=${submission.value.priorityId}`);
}

export default function BrokeringPage() {
  const { school, links, priorities, priorityId, words, matches, proposals } = useLoaderData<typeof loader>();
  return (
    <main id="main" className="mx-auto max-w-4xl space-y-6 px-4 py-8">
      <div>
        <SchoolCrumbs school={school} />
        <h1 className="text-2xl font-bold">Broker good practice</h1>
        <SchoolNav schoolId={school.id} links={links} />
        <p className="mt-1 text-slate-700">
          Schools that teach the same key stages and measured a real improvement on a similar priority, biggest
          improvement first. A school is named only after its head consents.
        </p>
      </div>
      {priorities.length === 0 ? (
        <EmptyState title="The school has no priorities this year">
          Once its leaders add priorities to the improvement plan, you can look for schools with good practice on them.
        </EmptyState>
      ) : (
        <>
          <Form method="get" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
            <div>
              <label htmlFor="priority" className="block text-sm font-medium text-slate-800">
                Priority
              </label>
              <select
                id="priority"
                name="priority"
                defaultValue={priorityId ?? undefined}
                className="mt-1 rounded-md border border-slate-400 bg-white px-3 py-2"
              >
                {priorities.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.title}
                  </option>
                ))}
              </select>
            </div>
            <div className="min-w-56 flex-1">
              <label htmlFor="q" className="block text-sm font-medium text-slate-800">
                Words to look for (optional)
              </label>
              <input
                id="q"
                name="q"
                type="search"
                defaultValue={words}
                className="mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2"
              />
            </div>
            <Button type="submit" variant="secondary">
              Find schools
            </Button>
          </Form>
          <Card title="Schools with evidence of impact">
            {matches.length === 0 ? (
              <p className="text-sm text-slate-700">
                No other school has measured impact on a similar priority yet. Try other words, or look again once
                schools record their outcomes.
              </p>
            ) : (
              <ol className="space-y-4">
                {matches.map((m) => (
                  <li key={m.partnerPriorityId} className="rounded border border-slate-200 p-3">
                    <p className="font-medium">
                      {m.who}: {m.evidence} ({m.change})
                    </p>
                    <p className="text-sm text-slate-700">
                      {m.area}
                      {m.inquiries
                        ? ` · backed by ${m.inquiries} community of practice ${m.inquiries === 1 ? "inquiry" : "inquiries"}`
                        : ""}
                    </p>
                    {m.status ? (
                      <p className="mt-2 text-sm font-medium">
                        {m.status === "consented" ? "Linked: see below" : "Proposed: waiting for the school's consent"}
                      </p>
                    ) : (
                      <ProposeForm partnerPriorityId={m.partnerPriorityId} priorityId={priorityId!} who={m.who} />
                    )}
                  </li>
                ))}
              </ol>
            )}
          </Card>
        </>
      )}
      <Card title="Proposed links">
        {proposals.length === 0 ? (
          <p className="text-sm text-slate-700">
            None yet. Propose a link to a school above; its head is asked to consent.
          </p>
        ) : (
          <ul className="space-y-2 text-sm">
            {proposals.map((p) => (
              <li key={p.id}>
                <span className="font-medium">{p.partner}</span> on “{p.priorityTitle}”:{" "}
                {p.status === "consented" ? "consented" : p.status === "declined" ? "declined" : "waiting for consent"}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </main>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Brokering · ${data.school.name} · Commons` : "We could not find that page · Commons" },
];

export function ErrorBoundary() {
  return <StatusPage />;
}
