import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { findUserByEmail } from "../../db/queries/users";
import { Button } from "../components/ui/button";
import { ErrorList, Field } from "../components/ui/field";
import { safeRedirectPath } from "../utils/http.server";
import { verifyPassword } from "../utils/password.server";
import { checkSignInThrottle, clearSignInFailures, recordSignInFailure } from "../utils/throttle.server";

const LoginSchema = z.object({
  email: z.string({ required_error: "Enter your email address" }).trim().email("Enter a valid email address"),
  password: z.string({ required_error: "Enter your password" }),
  redirectTo: z.string().optional(),
});

// One message for an unknown email and a wrong password, so nobody can learn who has an account.
const BAD_CREDENTIALS = "That email and password do not match an account. Check them and try again.";

export function loader({ context, request }: LoaderFunctionArgs) {
  if (context.user) return redirect(safeRedirectPath(new URL(request.url).searchParams.get("redirectTo")));
  return json({});
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { db, auth, logger } = context.services;
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: LoginSchema });
  if (submission.status !== "success") {
    return json(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const { email, password, redirectTo } = submission.value;

  const verdict = await checkSignInThrottle(db, email, context.clientIp);
  if (!verdict.allowed) {
    const minutes = verdict.retryAfterMinutes;
    return json(
      submission.reply({
        formErrors: [
          `Too many sign-in attempts. For your security, please wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`,
        ],
        hideFields: ["password"],
      }),
      { status: 429, headers: { "Retry-After": String(minutes * 60) } },
    );
  }

  const user = await findUserByEmail(db, email);
  const valid = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !valid) {
    await recordSignInFailure(db, email, context.clientIp);
    logger.info("sign-in failed", { email: email.toLowerCase(), ip: context.clientIp });
    return json(submission.reply({ formErrors: [BAD_CREDENTIALS], hideFields: ["password"] }), { status: 400 });
  }

  await clearSignInFailures(db, email);
  // A fresh session on every sign-in; any session this browser already had is ended.
  if (context.sessionId) await auth.endSession(context.sessionId);
  const cookie = await auth.startSession(user.id);
  logger.info("signed in", { userId: user.id });
  return redirect(safeRedirectPath(redirectTo), { headers: { "Set-Cookie": cookie } });
}

export default function LoginPage() {
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "login",
    lastResult,
    constraint: getZodConstraint(LoginSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LoginSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const signedOut = searchParams.get("signedOut") === "1";
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-12">
      <h1 className="text-2xl font-bold">Sign in to Commons</h1>
      <p className="mt-2 text-slate-700">For school leaders, facilitators, School Improvement Partners and authority staff.</p>
      {signedOut ? (
        <p role="status" className="mt-4 rounded-md bg-brand-50 p-3 text-sm text-brand-800">
          You have signed out.
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="mt-6 space-y-4 rounded-lg bg-white p-6 shadow-sm">
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <ErrorList id={form.errorId} errors={form.errors} />
        <Field
          label="Email address"
          errors={fields.email.errors}
          inputProps={{ ...getInputProps(fields.email, { type: "email" }), autoComplete: "email", autoFocus: true }}
        />
        <Field
          label="Password"
          errors={fields.password.errors}
          inputProps={{ ...getInputProps(fields.password, { type: "password" }), autoComplete: "current-password" }}
        />
        <Button type="submit" className="w-full" pending={navigation.state === "submitting"}>
          {navigation.state === "submitting" ? "Signing in…" : "Sign in"}
        </Button>
      </Form>
      <p className="mt-4 text-sm text-slate-700">
        New to Commons? You need an invitation from your local authority admin.
      </p>
    </main>
  );
}

export const meta: MetaFunction = () => [{ title: "Sign in · Commons" }];
