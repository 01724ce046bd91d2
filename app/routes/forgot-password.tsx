import { parseWithZod } from "@conform-to/zod";
import { json, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { StatusMessage } from "../components/ui/status-message";
import { requestPasswordReset } from "../features/auth/account.server";
import { ForgotPasswordForm, type ResetActionData } from "../features/auth/components/password-reset-forms";
import { ForgotPasswordSchema } from "../features/auth/schema";

// One answer whether or not an account uses the address, so nobody can learn who has an account.
const SENT =
  "If an account uses that address, we have sent a link to it. The link works once, within the next hour. If no email arrives, your authority admin can read it in their outbox.";

export async function action({ context, request }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: ForgotPasswordSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const result = await requestPasswordReset(
    context.services,
    { ip: context.clientIp, sessionId: context.sessionId },
    { email: submission.value.email, requestOrigin: new URL(request.url).origin },
  );
  if (result.ok) return json({ sent: true as const, message: SENT });
  const minutes = result.retryAfterMinutes;
  const message = `Too many requests for a link. Please wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`;
  return json(submission.reply({ formErrors: [message] }), {
    status: 429,
    headers: { "Retry-After": String(minutes * 60) },
  });
}

export default function ForgotPassword() {
  const data = useActionData<typeof action>() as ResetActionData | { sent: true; message: string } | undefined;
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-12">
      <h1 className="text-2xl font-bold">Forgot your password?</h1>
      {data && "sent" in data ? (
        <StatusMessage margin="mt-6">{data.message}</StatusMessage>
      ) : (
        <>
          <p className="mt-2 text-slate-700">
            Enter the email address you sign in with. We will send you a link to choose a new password.
          </p>
          <ForgotPasswordForm />
        </>
      )}
      <p className="mt-6 text-sm">
        <Link to="/login" className="font-semibold text-brand-700 underline">
          Back to sign in
        </Link>
      </p>
    </main>
  );
}

export const meta: MetaFunction = () => [{ title: "Forgot your password? · Commons" }];
