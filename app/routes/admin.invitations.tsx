import { parseWithZod } from "@conform-to/zod";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getAuthority } from "../../db/queries/authorities";
import { listInvitations } from "../../db/queries/invitations";
import { listSchools } from "../../db/queries/schools";
import { InviteForm } from "../features/admin/components/invite-form";
import { EmptyState } from "../components/ui/empty-state";
import { forbidden } from "../utils/http.server";
import { invitePerson } from "../features/admin/service.server";
import { canInvitePeople } from "../kernel/permissions";
import { requireAuthorityAdmin } from "../features/admin/guard.server";
import { InviteSchema } from "../features/admin/schema";
import { roleLabel } from "../kernel/terminology";

export async function loader({ context, request }: LoaderFunctionArgs) {
  const { authorityId } = await requireAuthorityAdmin(context, request);
  const { db } = context.services;
  const [schools, invitations, authority] = await Promise.all([
    listSchools(db, authorityId),
    listInvitations(db, authorityId),
    getAuthority(db, authorityId),
  ]);
  return json({
    schools: schools.map((s) => ({ id: s.id, name: s.name })),
    invitations,
    terminology: authority?.terminology ?? "en-GB",
    now: Date.now(),
  });
}

export async function action({ context, request }: ActionFunctionArgs) {
  const { actor, authorityId } = await requireAuthorityAdmin(context, request);
  if (!canInvitePeople(actor, authorityId)) forbidden();
  const submission = parseWithZod(await request.formData(), { schema: InviteSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const { email, role, schoolId } = submission.value;
  const result = await invitePerson(context.services, actor, {
    authorityId,
    email,
    role,
    schoolId,
    requestOrigin: new URL(request.url).origin,
  });
  if (!result.ok) return json(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
  return json({ ...submission.reply({ resetForm: true }), sent: { email, mailStatus: result.mailStatus } });
}

export default function InvitationsPage() {
  const { schools, invitations, terminology, now } = useLoaderData<typeof loader>();
  return (
    <main id="main" className="grid gap-8 py-6 lg:grid-cols-[1fr_2fr]">
      <InviteForm schools={schools} terminology={terminology} />
      <section aria-labelledby="invitations-heading">
        <h2 id="invitations-heading" className="text-xl font-bold">
          Invitations
        </h2>
        {invitations.length === 0 ? (
          <div className="mt-3">
            <EmptyState title="No invitations yet">
              Invite your {roleLabel("school_leader", terminology).toLowerCase()}s, facilitators and School Improvement
              Partners with the form.
            </EmptyState>
          </div>
        ) : (
          <ul className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {invitations.map((i) => {
              const status = i.acceptedAt ? "Accepted" : new Date(i.expiresAt).getTime() < now ? "Expired" : "Waiting";
              return (
                <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3 text-sm">
                  <span>
                    <span className="font-semibold">{i.email}</span> · {roleLabel(i.role, terminology)}
                    {i.schoolName ? ` of ${i.schoolName}` : ""}
                  </span>
                  <span className="rounded bg-slate-100 px-2 py-0.5 text-slate-800">{status}</span>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </main>
  );
}

export const meta: MetaFunction = () => [{ title: "Invitations · Commons" }];
