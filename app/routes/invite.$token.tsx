import { clientOf, setCookies } from "../features/auth/client.server";
import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ExistingAccountForm, NewAccountForm } from "../features/auth/components/invitation-forms";
import { ExistingAccountSchema, NewAccountSchema } from "../features/auth/schema";
import { acceptInvitationWith, findInvitation } from "../features/auth/service.server";
import { roleLabel } from "../kernel/terminology";

// The same words whatever the reason (unknown, used or expired), so a link reveals nothing.
const UNUSABLE =
  "This invitation link cannot be used. It may have been used already or have expired. Ask the person who invited you to send a new one.";

export async function loader({ context, params }: LoaderFunctionArgs) {
  const found = await findInvitation(context.services, params.token);
  if (!found) return json({ usable: false as const }, { status: 404 });
  const { invitation, schoolName, authority, existing } = found;
  return json({
    usable: true as const,
    email: invitation.email,
    hasAccount: Boolean(existing),
    authorityName: authority?.name ?? "",
    what: roleLabel(invitation.role, authority?.terminology) + (schoolName ? ` of ${schoolName}` : ""),
  });
}

export async function action({ context, params, request }: ActionFunctionArgs) {
  const found = await findInvitation(context.services, params.token);
  const formData = await request.formData();
  if (!found) return json({ status: "error" as const, formErrors: [UNUSABLE] }, { status: 404 });
  const hideFields = found.existing ? ["password"] : ["password", "confirm"];
  const submission = found.existing
    ? parseWithZod(formData, { schema: ExistingAccountSchema })
    : parseWithZod(formData, { schema: NewAccountSchema });
  if (submission.status !== "success") return json(submission.reply({ hideFields }), { status: 400 });
  const client = clientOf(context, request);
  const result = await acceptInvitationWith(context.services, client, params.token!, found, submission.value);
  if (result.ok) return redirect("/dashboard", { headers: setCookies(result.cookies) });
  if (result.reason === "unusable") return json({ status: "error" as const, formErrors: [UNUSABLE] }, { status: 404 });
  if (result.reason === "throttled") {
    const minutes = result.retryAfterMinutes;
    const message = `Too many attempts. For your security, please wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`;
    return json(submission.reply({ formErrors: [message], hideFields }), {
      status: 429,
      headers: { "Retry-After": String(minutes * 60) },
    });
  }
  if (result.reason === "wrong-password") {
    return json(submission.reply({ fieldErrors: { password: ["That password is not right"] }, hideFields }), {
      status: 400,
    });
  }
  const message = "Your account was just created from another invitation. Open this link again to add this role to it.";
  return json(submission.reply({ formErrors: [message], hideFields }), { status: 409 });
}

export default function AcceptInvitation() {
  const data = useLoaderData<typeof loader>();
  if (!data.usable) {
    return (
      <main id="main" className="mx-auto max-w-md px-4 py-12">
        <h1 className="text-2xl font-bold">This invitation cannot be used</h1>
        <p className="mt-3 text-slate-700">{UNUSABLE}</p>
        <p className="mt-6">
          <Link to="/login" className="font-semibold text-brand-700 underline">
            Go to sign in
          </Link>
        </p>
      </main>
    );
  }
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-12">
      <h1 className="text-2xl font-bold">Join {data.authorityName} on Commons</h1>
      <p className="mt-2 text-slate-700">
        You have been invited as <strong>{data.what}</strong>, using <strong>{data.email}</strong>.
      </p>
      {data.hasAccount ? <ExistingAccountForm /> : <NewAccountForm />}
    </main>
  );
}

export const meta: MetaFunction = () => [{ title: "Accept your invitation · Commons" }];
