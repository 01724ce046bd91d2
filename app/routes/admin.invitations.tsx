import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getAuthority } from "../../db/queries/authorities";
import { listInvitations } from "../../db/queries/invitations";
import { getAuthoritySchool, listSchools } from "../../db/queries/schools";
import { RoleFields } from "../components/role-fields";
import { Button } from "../components/ui/button";
import { EmptyState } from "../components/ui/empty-state";
import { ErrorList, Field } from "../components/ui/field";
import { forbidden } from "../utils/http.server";
import { sendInvitation } from "../utils/invitations.server";
import { canInvitePeople } from "../utils/permissions";
import { requireAuthorityAdmin } from "../utils/permissions.server";
import { InviteSchema } from "../utils/role-schema";
import { roleLabel } from "../utils/roles";

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
  const school = schoolId ? await getAuthoritySchool(context.services.db, authorityId, schoolId) : null;
  if (schoolId && !school) return json(submission.reply({ fieldErrors: { schoolId: ["Choose a school from the list"] } }), { status: 400 });
  const mail = await sendInvitation(context, request, {
    authorityId,
    email,
    role,
    schoolId,
    schoolName: school?.name ?? null,
    invitedBy: { id: actor.userId, name: actor.user.name },
  });
  context.services.logger.info("invitation created", { by: actor.userId, role, mailStatus: mail.status });
  return json({ ...submission.reply({ resetForm: true }), sent: { email, mailStatus: mail.status } });
}

export default function InvitationsPage() {
  const { schools, invitations, terminology, now } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "invite",
    lastResult,
    constraint: getZodConstraint(InviteSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: InviteSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const sent = lastResult && "sent" in lastResult ? (lastResult.sent as { email: string; mailStatus: string }) : null;
  return (
    <main id="main" className="grid gap-8 py-6 lg:grid-cols-[1fr_2fr]">
      <section aria-labelledby="invite-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h1 id="invite-heading" className="text-xl font-bold">
          Invite someone
        </h1>
        <p className="mt-1 text-sm text-slate-700">They get a link that works once and expires after a few days.</p>
        {sent ? (
          <p role="status" className={`mt-3 rounded p-2 text-sm ${sent.mailStatus === "failed" ? "bg-red-50 text-red-900" : "bg-brand-50 text-brand-800"}`}>
            {sent.mailStatus === "failed"
              ? `The invitation for ${sent.email} was created, but the email could not be sent. The outbox shows why; invite them again once mail works.`
              : sent.mailStatus === "outbox"
                ? `Invitation for ${sent.email} created. No mail server is set up, so the email is in the outbox for you to pass on.`
                : `Invitation sent to ${sent.email}.`}
          </p>
        ) : null}
        <Form method="post" {...getFormProps(form)} className="mt-4 space-y-4">
          <ErrorList id={form.errorId} errors={form.errors} />
          <Field label="Email address" errors={fields.email.errors} inputProps={getInputProps(fields.email, { type: "email" })} />
          <RoleFields role={fields.role} schoolId={fields.schoolId} schools={schools} terminology={terminology} />
          <Button type="submit" pending={navigation.state === "submitting"}>
            Send invitation
          </Button>
        </Form>
      </section>
      <section aria-labelledby="invitations-heading">
        <h2 id="invitations-heading" className="text-xl font-bold">
          Invitations
        </h2>
        {invitations.length === 0 ? (
          <div className="mt-3">
            <EmptyState title="No invitations yet">Invite your head teachers, facilitators and School Improvement Partners with the form.</EmptyState>
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
