import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { isUniqueViolation } from "../../db/errors";
import { getAuthority } from "../../db/queries/authorities";
import { acceptInvitation, findUsableInvitation } from "../../db/queries/invitations";
import { findUserByEmail } from "../../db/queries/users";
import { Button } from "../components/ui/button";
import { ErrorList, Field } from "../components/ui/field";
import { MIN_PASSWORD_LENGTH } from "../utils/password-rules";
import { hashPassword, verifyPassword } from "../utils/password.server";
import { roleLabel } from "../utils/roles";
import { checkSignInThrottle, clearSignInFailures, recordSignInFailure } from "../utils/throttle.server";
import { hashToken } from "../utils/tokens.server";

const NewAccountSchema = z
  .object({
    name: z
      .string({ required_error: "Enter your name" })
      .trim()
      .min(2, "Enter your full name")
      .max(100, "Your name must be at most 100 characters"),
    password: z
      .string({ required_error: "Choose a password" })
      .min(MIN_PASSWORD_LENGTH, `Your password must be at least ${MIN_PASSWORD_LENGTH} characters`)
      .max(200, "Your password must be at most 200 characters"),
    confirm: z.string({ required_error: "Type your password again" }),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The two passwords are not the same" });

const ExistingAccountSchema = z.object({ password: z.string({ required_error: "Enter your password" }) });

// The same words whatever the reason (unknown, used or expired), so a link reveals nothing.
const UNUSABLE = "This invitation link cannot be used. It may have been used already or have expired. Ask the person who invited you to send a new one.";

async function loadInvitation(context: LoaderFunctionArgs["context"], token: string | undefined) {
  if (!token || token.length > 100) return null;
  const found = await findUsableInvitation(context.services.db, hashToken(token));
  if (!found) return null;
  const { db } = context.services;
  const [authority, existing] = await Promise.all([
    getAuthority(db, found.invitation.authorityId),
    findUserByEmail(db, found.invitation.email),
  ]);
  return { ...found, authority, existing };
}

export async function loader({ context, params }: LoaderFunctionArgs) {
  const found = await loadInvitation(context, params.token);
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
  const { db, auth, logger } = context.services;
  const found = await loadInvitation(context, params.token);
  const formData = await request.formData();
  if (!found) return json({ status: "error" as const, formErrors: [UNUSABLE] }, { status: 404 });
  const tokenHash = hashToken(params.token!);
  let user;
  if (found.existing) {
    const submission = parseWithZod(formData, { schema: ExistingAccountSchema });
    if (submission.status !== "success") return json(submission.reply({ hideFields: ["password"] }), { status: 400 });
    // A password check like sign-in's, so it shares sign-in's limit on guesses (an admin can read the link).
    const { email } = found.existing;
    const verdict = await checkSignInThrottle(db, email, context.clientIp);
    if (!verdict.allowed) {
      const minutes = verdict.retryAfterMinutes;
      const message = `Too many attempts. For your security, please wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`;
      return json(submission.reply({ formErrors: [message], hideFields: ["password"] }), {
        status: 429,
        headers: { "Retry-After": String(minutes * 60) },
      });
    }
    if (!(await verifyPassword(found.existing.passwordHash, submission.value.password))) {
      await recordSignInFailure(db, email, context.clientIp);
      return json(submission.reply({ fieldErrors: { password: ["That password is not right"] }, hideFields: ["password"] }), { status: 400 });
    }
    await clearSignInFailures(db, email);
    user = await acceptInvitation(db, tokenHash, { existingUserId: found.existing.id });
  } else {
    const submission = parseWithZod(formData, { schema: NewAccountSchema });
    if (submission.status !== "success") return json(submission.reply({ hideFields: ["password", "confirm"] }), { status: 400 });
    const passwordHash = await hashPassword(submission.value.password);
    try {
      user = await acceptInvitation(db, tokenHash, { name: submission.value.name, passwordHash });
    } catch (error) {
      // Another invitation for the same email was accepted a moment ago: that account now exists.
      if (!isUniqueViolation(error)) throw error;
      return json(
        submission.reply({ formErrors: ["Your account was just created from another invitation. Open this link again to add this role to it."], hideFields: ["password", "confirm"] }),
        { status: 409 },
      );
    }
  }
  if (!user) return json({ status: "error" as const, formErrors: [UNUSABLE] }, { status: 404 });
  if (context.sessionId) await auth.endSession(context.sessionId);
  const cookie = await auth.startSession(user.id);
  logger.info("invitation accepted", { userId: user.id });
  return redirect("/dashboard", { headers: { "Set-Cookie": cookie } });
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

function NewAccountForm() {
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "accept-invitation",
    lastResult: lastResult && "initialValue" in lastResult ? lastResult : undefined,
    constraint: getZodConstraint(NewAccountSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewAccountSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const formErrors = lastResult && "formErrors" in lastResult ? lastResult.formErrors : form.errors;
  return (
    <Form method="post" {...getFormProps(form)} className="mt-6 space-y-4 rounded-lg bg-white p-6 shadow-sm">
      <ErrorList id={form.errorId} errors={formErrors as string[] | undefined} />
      <Field label="Your name" errors={fields.name.errors} inputProps={{ ...getInputProps(fields.name, { type: "text" }), autoComplete: "name" }} />
      <Field
        label="Choose a password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters. A short sentence is easy to remember.`}
        errors={fields.password.errors}
        inputProps={{ ...getInputProps(fields.password, { type: "password" }), autoComplete: "new-password" }}
      />
      <Field
        label="Type the password again"
        errors={fields.confirm.errors}
        inputProps={{ ...getInputProps(fields.confirm, { type: "password" }), autoComplete: "new-password" }}
      />
      <Button type="submit" className="w-full" pending={navigation.state === "submitting"}>
        Accept and sign in
      </Button>
    </Form>
  );
}

function ExistingAccountForm() {
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "accept-invitation-existing",
    lastResult: lastResult && "initialValue" in lastResult ? lastResult : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ExistingAccountSchema }),
    shouldValidate: "onBlur",
  });
  const formErrors = lastResult && "formErrors" in lastResult ? lastResult.formErrors : form.errors;
  return (
    <Form method="post" {...getFormProps(form)} className="mt-6 space-y-4 rounded-lg bg-white p-6 shadow-sm">
      <p className="text-sm text-slate-700">You already have a Commons account. Enter its password to add this role to it.</p>
      <ErrorList id={form.errorId} errors={formErrors as string[] | undefined} />
      <Field
        label="Your password"
        errors={fields.password.errors}
        inputProps={{ ...getInputProps(fields.password, { type: "password" }), autoComplete: "current-password" }}
      />
      <Button type="submit" className="w-full" pending={navigation.state === "submitting"}>
        Accept and sign in
      </Button>
    </Form>
  );
}

export const meta: MetaFunction = () => [{ title: "Accept your invitation · Commons" }];
