import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { Button } from "../../../components/ui/button";
import { ErrorList, Field } from "../../../components/ui/field";
import type { Terminology } from "../../../kernel/terminology";
import { InviteSchema } from "../schema";
import { RoleFields } from "./role-fields";

/** What the invitations page's action answers: the form result, and how the last invitation's email went. */
export type InviteActionData = SubmissionResult<string[]> & { sent?: { email: string; mailStatus: string } };

/** The invitation form, with what became of the last invitation's email (sent, in the outbox, or failed). */
export function InviteForm({
  schools,
  terminology,
}: {
  schools: Array<{ id: string; name: string }>;
  terminology: Terminology;
}) {
  const lastResult = useActionData<InviteActionData>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "invite",
    lastResult,
    constraint: getZodConstraint(InviteSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: InviteSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const sent = lastResult && "sent" in lastResult ? (lastResult.sent as { email: string; mailStatus: string }) : null;
  return (
    <section aria-labelledby="invite-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h1 id="invite-heading" className="text-xl font-bold">
        Invite someone
      </h1>
      <p className="mt-1 text-sm text-slate-700">They get a link that works once and expires after a few days.</p>
      {sent ? (
        <p
          role="status"
          className={`mt-3 rounded p-2 text-sm ${sent.mailStatus === "failed" ? "bg-red-50 text-red-900" : "bg-brand-50 text-brand-800"}`}
        >
          {sent.mailStatus === "failed"
            ? `The invitation for ${sent.email} was created, but the email could not be sent. The outbox shows why; invite them again once mail works.`
            : sent.mailStatus === "outbox"
              ? `Invitation for ${sent.email} created. No mail server is set up, so the email is in the outbox for you to pass on.`
              : `Invitation sent to ${sent.email}.`}
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="mt-4 space-y-4">
        <ErrorList id={form.errorId} errors={form.errors} />
        <Field
          label="Email address"
          errors={fields.email.errors}
          inputProps={getInputProps(fields.email, { type: "email" })}
        />
        <RoleFields role={fields.role} schoolId={fields.schoolId} schools={schools} terminology={terminology} />
        <Button type="submit" pending={navigation.state === "submitting"}>
          Send invitation
        </Button>
      </Form>
    </section>
  );
}
