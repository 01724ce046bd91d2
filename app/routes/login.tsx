import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { Button } from "../components/ui/button";
import { ErrorList, Field } from "../components/ui/field";
import { LoginSchema } from "../features/auth/schema";
import { clientOf, setCookies } from "../features/auth/client.server";
import { signIn } from "../features/auth/service.server";
import { safeRedirectPath } from "../utils/http.server";

// One message for an unknown email and a wrong password, so nobody can learn who has an account.
const BAD_CREDENTIALS = "That email and password do not match an account. Check them and try again.";

export function loader({ context, request }: LoaderFunctionArgs) {
  if (context.user) return redirect(safeRedirectPath(new URL(request.url).searchParams.get("redirectTo")));
  return json({});
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: LoginSchema });
  if (submission.status !== "success") {
    return json(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const { email, password, redirectTo } = submission.value;
  const result = await signIn(context.services, clientOf(context, request), { email, password });
  if (result.ok) return redirect(safeRedirectPath(redirectTo), { headers: setCookies(result.cookies) });
  if (result.reason === "throttled") {
    const minutes = result.retryAfterMinutes;
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
  return json(submission.reply({ formErrors: [BAD_CREDENTIALS], hideFields: ["password"] }), { status: 400 });
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
      <p className="mt-2 text-slate-700">
        For school leaders, facilitators, School Improvement Partners and authority staff.
      </p>
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
        <p className="text-sm">
          {/* Keeping focus in the field on press: its blur would show an error above and move this link from under the pointer. */}
          <Link
            to="/forgot-password"
            onMouseDown={(event) => event.preventDefault()}
            className="font-semibold text-brand-700 underline"
          >
            Forgot your password?
          </Link>
        </p>
      </Form>
      <p className="mt-4 text-sm text-slate-700">
        New to Commons? You need an invitation from your local authority admin.
      </p>
    </main>
  );
}

export const meta: MetaFunction = () => [{ title: "Sign in · Commons" }];
