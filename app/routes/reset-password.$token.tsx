import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { findPasswordReset, resetPassword } from "../features/auth/account.server";
import { ResetPasswordForm } from "../features/auth/components/password-reset-forms";
import { ResetPasswordSchema } from "../features/auth/schema";

const UNUSABLE =
  "This link cannot be used: it has been used already or has expired. A link works once, within an hour of asking for it.";

export async function loader({ context, params }: LoaderFunctionArgs) {
  const found = await findPasswordReset(context.services, params.token);
  if (!found) return json({ usable: false as const }, { status: 404 });
  return json({ usable: true as const, email: found.email });
}

export async function action({ context, params, request }: ActionFunctionArgs) {
  const formData = await request.formData();
  if (!(await findPasswordReset(context.services, params.token))) {
    return json({ status: "error" as const, formErrors: [UNUSABLE] }, { status: 404 });
  }
  const submission = parseWithZod(formData, { schema: ResetPasswordSchema });
  const hideFields = ["password", "confirm"];
  if (submission.status !== "success") return json(submission.reply({ hideFields }), { status: 400 });
  const client = { ip: context.clientIp, sessionId: context.sessionId };
  const done = await resetPassword(context.services, client, params.token!, submission.value.password);
  if (!done) return json({ status: "error" as const, formErrors: [UNUSABLE] }, { status: 404 });
  return redirect("/dashboard", { headers: { "Set-Cookie": done.cookie } });
}

export default function ResetPassword() {
  const data = useLoaderData<typeof loader>();
  if (!data.usable) {
    return (
      <main id="main" className="mx-auto max-w-md px-4 py-12">
        <h1 className="text-2xl font-bold">This link cannot be used</h1>
        <p className="mt-3 text-slate-700">{UNUSABLE}</p>
        <p className="mt-6">
          <Link to="/forgot-password" className="font-semibold text-brand-700 underline">
            Ask for a new link
          </Link>
        </p>
      </main>
    );
  }
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-12">
      <h1 className="text-2xl font-bold">Choose a new password</h1>
      <p className="mt-2 text-slate-700">
        For <strong>{data.email}</strong>. Saving it signs you out everywhere else and signs you in here.
      </p>
      <ResetPasswordForm />
    </main>
  );
}

export const meta: MetaFunction = () => [{ title: "Choose a new password · Commons" }];
