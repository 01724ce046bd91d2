import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useNavigation } from "@remix-run/react";
import { requireProposalDecider } from "../features/brokering/guard.server";
import { decideProposal } from "../features/brokering/service.server";
import { serviceDeps, throwRefusal } from "../features/schools/service-deps.server";
import { StatusPage } from "../components/status-page";
import { Breadcrumbs } from "../components/ui/breadcrumbs";
import { Button } from "../components/ui/button";
import { DecisionSchema } from "../features/brokering/schema";
import { invariantResponse } from "../utils/http.server";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { proposal, partner } = await requireProposalDecider(context, request, params.proposalId);
  return json({
    proposal: {
      ...proposal,
      proposedBy: undefined,
      decidedAt: proposal.decidedAt?.toISOString() ?? null,
      createdAt: proposal.createdAt.toISOString(),
    },
    partnerName: partner.name,
  });
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const { actor, proposal, partner } = await requireProposalDecider(context, request, params.proposalId);
  const parsed = DecisionSchema.safeParse(Object.fromEntries(await request.formData()));
  invariantResponse(parsed.success, "Choose to consent or decline.", 400);
  const decided = await decideProposal(
    serviceDeps(context, request),
    actor,
    { proposal, partner },
    parsed.data.decision,
  );
  if (!decided.ok) throwRefusal(decided);
  return redirect(`/brokering/${proposal.id}`);
}

export default function ProposalPage() {
  const { proposal, partnerName } = useLoaderData<typeof loader>();
  const pending = useNavigation().state === "submitting";
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-8">
      <Breadcrumbs
        items={[{ label: "Dashboard", to: "/dashboard" }, { label: "A request to learn from your school" }]}
      />
      <h1 className="mt-2 text-2xl font-bold">A request to learn from {partnerName}</h1>
      <dl className="mt-6 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 rounded-lg border border-slate-200 bg-white p-5 text-sm">
        <dt className="font-medium">Asked by</dt>
        <dd>
          {proposal.sipName}, School Improvement Partner for {proposal.requestingSchoolName}
        </dd>
        <dt className="font-medium">Their priority</dt>
        <dd>{proposal.priorityTitle}</dd>
        {proposal.partnerPriorityTitle ? (
          <>
            <dt className="font-medium">Your matching priority</dt>
            <dd>{proposal.partnerPriorityTitle}</dd>
          </>
        ) : null}
        <dt className="font-medium">Why</dt>
        <dd className="whitespace-pre-line">{proposal.reason}</dd>
      </dl>
      {proposal.status === "proposed" ? (
        <section aria-labelledby="decide-heading" className="mt-6">
          <h2 id="decide-heading" className="text-lg font-semibold">
            Your decision
          </h2>
          <p className="mt-1 text-sm text-slate-700">
            If you consent, {proposal.requestingSchoolName}&apos;s School Improvement Partner sees your school&apos;s
            name and your name and email as its contact, and may add the link to their report&apos;s package of support.
            Nothing else about your school is shared. If you decline, your school stays anonymous.
          </p>
          <Form method="post" className="mt-4 flex gap-3">
            <Button type="submit" name="decision" value="consented" pending={pending}>
              Consent to the link
            </Button>
            <Button type="submit" name="decision" value="declined" variant="secondary" pending={pending}>
              Decline
            </Button>
          </Form>
        </section>
      ) : (
        <p role="status" className="mt-6 rounded bg-brand-50 p-3 text-sm text-brand-800">
          {proposal.status === "consented"
            ? "You consented to this link."
            : "You declined this link; your school stays anonymous."}
        </p>
      )}
    </main>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? "Brokering request · Commons" : "We could not find that page · Commons" },
];

export function ErrorBoundary() {
  return <StatusPage />;
}
