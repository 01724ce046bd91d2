import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { Button } from "../../../components/ui/button";
import { ErrorList, Field } from "../../../components/ui/field";
import { MIN_PASSWORD_LENGTH } from "../password-rules";
import { ExistingAccountSchema, NewAccountSchema } from "../schema";

/** What the invitation page's action answers: a form result, or words for a link that cannot be used. */
export type AcceptActionData = SubmissionResult<string[]> | { status: "error"; formErrors: string[] };

/** A new account: name and password (typed twice). */
export function NewAccountForm() {
  const lastResult = useActionData<AcceptActionData>();
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
      <Field
        label="Your name"
        errors={fields.name.errors}
        inputProps={{ ...getInputProps(fields.name, { type: "text" }), autoComplete: "name" }}
      />
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

/** An existing account: its current password adds the role to it. */
export function ExistingAccountForm() {
  const lastResult = useActionData<AcceptActionData>();
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
      <p className="text-sm text-slate-700">
        You already have a Commons account. Enter its password to add this role to it.
      </p>
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
