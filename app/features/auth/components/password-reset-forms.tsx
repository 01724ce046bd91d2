import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { Button } from "../../../components/ui/button";
import { ErrorList, Field } from "../../../components/ui/field";
import { MIN_PASSWORD_LENGTH } from "../password-rules";
import { ForgotPasswordSchema, ResetPasswordSchema } from "../schema";

/** What the forgot/reset pages' actions answer: a form result, or words for a link that cannot be used. */
export type ResetActionData = SubmissionResult<string[]> | { status: "error"; formErrors: string[] };

const formResult = (data: ResetActionData | undefined) => (data && "initialValue" in data ? data : undefined);

/** The email address to send a reset link to. */
export function ForgotPasswordForm() {
  const lastResult = useActionData<ResetActionData>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "forgot-password",
    lastResult: formResult(lastResult),
    constraint: getZodConstraint(ForgotPasswordSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ForgotPasswordSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="mt-6 space-y-4 rounded-lg bg-white p-6 shadow-sm">
      <ErrorList id={form.errorId} errors={form.errors} />
      <Field
        label="Email address"
        errors={fields.email.errors}
        inputProps={{ ...getInputProps(fields.email, { type: "email" }), autoComplete: "email", autoFocus: true }}
      />
      <Button type="submit" className="w-full" pending={navigation.state === "submitting"}>
        Send me a link
      </Button>
    </Form>
  );
}

/** A new password, typed twice. */
export function ResetPasswordForm() {
  const lastResult = useActionData<ResetActionData>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "reset-password",
    lastResult: formResult(lastResult),
    constraint: getZodConstraint(ResetPasswordSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ResetPasswordSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const formErrors = lastResult && "formErrors" in lastResult ? lastResult.formErrors : form.errors;
  return (
    <Form method="post" {...getFormProps(form)} className="mt-6 space-y-4 rounded-lg bg-white p-6 shadow-sm">
      <ErrorList id={form.errorId} errors={formErrors as string[] | undefined} />
      <Field
        label="New password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters. A short sentence is easy to remember.`}
        errors={fields.password.errors}
        inputProps={{ ...getInputProps(fields.password, { type: "password" }), autoComplete: "new-password" }}
      />
      <Field
        label="Type the new password again"
        errors={fields.confirm.errors}
        inputProps={{ ...getInputProps(fields.confirm, { type: "password" }), autoComplete: "new-password" }}
      />
      <Button type="submit" className="w-full" pending={navigation.state === "submitting"}>
        Save the password and sign in
      </Button>
    </Form>
  );
}
