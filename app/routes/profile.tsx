import { clientOf } from "../features/auth/client.server";
import { parseWithZod } from "@conform-to/zod";
import { Breadcrumbs } from "../components/ui/breadcrumbs";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { changeName, changePassword } from "../features/auth/account.server";
import { ChangePasswordForm, ProfileNameForm } from "../features/auth/components/profile-forms";
import { requireUser } from "../features/auth/guard.server";
import { ChangePasswordSchema, ProfileNameSchema } from "../features/auth/schema";

export function loader({ context, request }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  return json({ name: user.name, email: user.email });
}

export async function action({ context, request }: ActionFunctionArgs) {
  const user = requireUser(context, request);
  const formData = await request.formData();
  if (formData.get("intent") === "name") {
    const submission = parseWithZod(formData, { schema: ProfileNameSchema });
    if (submission.status !== "success") return json({ intent: "name", result: submission.reply() }, { status: 400 });
    await changeName(context.services, user.id, submission.value.name);
    return json({ intent: "name", result: submission.reply(), done: "Your name is saved." });
  }
  const submission = parseWithZod(formData, { schema: ChangePasswordSchema });
  const hideFields = ["current", "password", "confirm"];
  const reply = (options: Parameters<typeof submission.reply>[0], status: number) =>
    json({ intent: "password", result: submission.reply({ ...options, hideFields }) }, { status });
  if (submission.status !== "success") return reply({}, 400);
  const client = { ...clientOf(context, request), sessionId: context.sessionId ?? "" };
  const result = await changePassword(context.services, client, user.id, submission.value);
  if (result.ok) {
    const done = "Your password is changed. You have been signed out everywhere else.";
    return json({ intent: "password", result: submission.reply({ resetForm: true }), done });
  }
  if (result.reason === "wrong-password") {
    return reply({ fieldErrors: { current: ["That is not your current password"] } }, 400);
  }
  const minutes = result.retryAfterMinutes;
  const message = `Too many attempts. For your security, please wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`;
  return reply({ formErrors: [message] }, 429);
}

export default function Profile() {
  const { name, email } = useLoaderData<typeof loader>();
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-8">
      <Breadcrumbs items={[{ label: "Dashboard", to: "/dashboard" }, { label: "Your profile" }]} />
      <h1 className="mt-1 text-2xl font-bold">Your profile</h1>
      <p className="mt-2 text-slate-700">
        You sign in as <strong>{email}</strong>.
      </p>
      <h2 className="mt-8 text-lg font-semibold">Name</h2>
      <ProfileNameForm name={name} />
      <h2 className="mt-8 text-lg font-semibold">Password</h2>
      <ChangePasswordForm />
    </main>
  );
}

export const meta: MetaFunction = () => [{ title: "Your profile · Commons" }];
