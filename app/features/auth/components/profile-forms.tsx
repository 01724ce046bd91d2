import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { Button } from "../../../components/ui/button";
import { ErrorList, Field } from "../../../components/ui/field";
import { StatusMessage } from "../../../components/ui/status-message";
import { MIN_PASSWORD_LENGTH } from "../password-rules";
import { ChangePasswordSchema, ProfileNameSchema } from "../schema";

/** What the profile page's action answers: which form it was, its result, and what was done. */
export type ProfileActionData = { intent: "name" | "password"; result: SubmissionResult<string[]>; done?: string };

function useProfileAction(intent: ProfileActionData["intent"]) {
  const data = useActionData<ProfileActionData>();
  const navigation = useNavigation();
  const mine = data?.intent === intent ? data : undefined;
  const pending = navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
  return { lastResult: mine?.result, done: mine?.done, pending };
}

/** The person's name, as others see it. */
export function ProfileNameForm({ name }: { name: string }) {
  const { lastResult, done, pending } = useProfileAction("name");
  const [form, fields] = useForm({
    id: "profile-name",
    lastResult,
    defaultValue: { name },
    constraint: getZodConstraint(ProfileNameSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ProfileNameSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="mt-4 space-y-4 rounded-lg bg-white p-6 shadow-sm">
      <input type="hidden" name="intent" value="name" />
      <StatusMessage>{done}</StatusMessage>
      <ErrorList id={form.errorId} errors={form.errors} />
      <Field
        label="Your name"
        errors={fields.name.errors}
        inputProps={{ ...getInputProps(fields.name, { type: "text" }), autoComplete: "name" }}
      />
      <Button type="submit" pending={pending}>
        Save name
      </Button>
    </Form>
  );
}

/** A new password: the current one first, then the new one twice. */
export function ChangePasswordForm() {
  const { lastResult, done, pending } = useProfileAction("password");
  const [form, fields] = useForm({
    id: "profile-password",
    lastResult,
    constraint: getZodConstraint(ChangePasswordSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ChangePasswordSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="mt-4 space-y-4 rounded-lg bg-white p-6 shadow-sm">
      <input type="hidden" name="intent" value="password" />
      <StatusMessage>{done}</StatusMessage>
      <ErrorList id={form.errorId} errors={form.errors} />
      <Field
        label="Current password"
        errors={fields.current.errors}
        inputProps={{ ...getInputProps(fields.current, { type: "password" }), autoComplete: "current-password" }}
      />
      <Field
        label="New password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters. Changing it signs you out everywhere else.`}
        errors={fields.password.errors}
        inputProps={{ ...getInputProps(fields.password, { type: "password" }), autoComplete: "new-password" }}
      />
      <Field
        label="Type the new password again"
        errors={fields.confirm.errors}
        inputProps={{ ...getInputProps(fields.confirm, { type: "password" }), autoComplete: "new-password" }}
      />
      <Button type="submit" pending={pending}>
        Change password
      </Button>
    </Form>
  );
}
