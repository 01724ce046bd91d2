import { parseWithZod } from "@conform-to/zod";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { ResourceSchema } from "../schema";
import { Button } from "../../../components/ui/button";
import { ErrorList } from "../../../components/ui/field";
import { focusFirstError, ResourceFields, type FieldErrors } from "./resource-fields";

type SuggestReply = {
  form: string;
  ok: boolean;
  error?: FieldErrors | null;
  initialValue?: Record<string, unknown> | null;
};

/**
 * A leader suggests a resource; a facilitator approves or declines it. Checked in the browser and
 * again by the server with the same schema; errors come back with what was typed kept.
 */
export function SuggestForm() {
  const reply = useActionData<SuggestReply>();
  const mine = reply?.form === "suggest" ? reply : undefined;
  const navigation = useNavigation();
  const formRef = useRef<HTMLFormElement>(null);
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const errors = clientErrors ?? mine?.error ?? {};
  const sending = navigation.state === "submitting" && navigation.formData?.get("intent") === "suggest";

  useEffect(() => {
    if (mine?.ok) formRef.current?.reset();
    else if (mine?.error) focusFirstError(formRef.current);
  }, [mine]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    const submission = parseWithZod(new FormData(event.currentTarget), { schema: ResourceSchema });
    if (submission.status !== "success") {
      event.preventDefault();
      setClientErrors(submission.error ?? {});
      focusFirstError(formRef.current);
    } else setClientErrors(null);
  };

  const typed = (mine?.ok ? undefined : mine?.initialValue) as Record<string, string> | undefined;
  return (
    <Form
      method="post"
      ref={formRef}
      onSubmit={submit}
      noValidate
      className="space-y-3"
      aria-labelledby="suggest-heading"
      preventScrollReset
    >
      <input type="hidden" name="intent" value="suggest" />
      <ErrorList errors={mine?.error?.[""] ?? undefined} />
      <ResourceFields idPrefix="suggest" errors={errors} defaults={typed} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" pending={sending}>
          Suggest this resource
        </Button>
        {mine?.ok ? (
          <p role="status" className="text-sm text-green-900">
            Thank you: your suggestion is waiting for a facilitator.
          </p>
        ) : null}
      </div>
    </Form>
  );
}
