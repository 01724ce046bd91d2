import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, Link, useNavigation } from "@remix-run/react";
import { EvidenceLinkSchema } from "../schema";
import { Button } from "../../../components/ui/button";
import { ErrorList, Field } from "../../../components/ui/field";
import { useIntentResult } from "./use-intent-result";

export type EvidenceView = { id: string; title: string; url: string };
export type InquiryView = { communityId: string; name: string };

/** The evidence behind a priority: the inquiries leaders linked to it, and links to documents and data. */
export function EvidenceLinks({
  evidence,
  inquiries,
  canEdit,
}: {
  evidence: EvidenceView[];
  inquiries: InquiryView[];
  canEdit: boolean;
}) {
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <div>
        <h3 className="font-semibold">Communities of practice</h3>
        {inquiries.length ? (
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
            {inquiries.map((i) => (
              <li key={i.communityId}>
                <Link to={`/communities/${i.communityId}`} className="text-brand-700 underline">
                  {i.name}
                </Link>{" "}
                inquiry
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-sm text-slate-700">
            No inquiry is linked yet. A leader links their community&apos;s inquiry from the community&apos;s “Link to
            my plan” step.
          </p>
        )}
      </div>
      <div>
        <h3 className="font-semibold">Documents and data</h3>
        {evidence.length ? (
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
            {evidence.map((e) => (
              <li key={e.id}>
                <a href={e.url} rel="noopener noreferrer nofollow" target="_blank" className="text-brand-700 underline">
                  {e.title}
                  <span className="sr-only"> (opens in a new tab)</span>
                </a>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-sm text-slate-700">
            {canEdit
              ? "No evidence links yet. Use Edit to add a link to a data report or document."
              : "No evidence links yet."}
          </p>
        )}
      </div>
    </div>
  );
}

/** Adds a link to evidence (web links only). */
export function EvidenceLinkForm() {
  const lastResult = useIntentResult("add-evidence");
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "add-evidence",
    lastResult,
    constraint: getZodConstraint(EvidenceLinkSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EvidenceLinkSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" preventScrollReset {...getFormProps(form)} className="max-w-xl space-y-3">
      <input type="hidden" name="intent" value="add-evidence" />
      <ErrorList id={form.errorId} errors={form.errors} />
      <Field
        label="Evidence title"
        errors={fields.title.errors}
        inputProps={getInputProps(fields.title, { type: "text" })}
      />
      <Field
        label="Link"
        hint="A web address starting with https://"
        errors={fields.url.errors}
        inputProps={getInputProps(fields.url, { type: "url" })}
      />
      <Button
        type="submit"
        variant="secondary"
        pending={navigation.state === "submitting" && navigation.formData?.get("intent") === "add-evidence"}
      >
        Add evidence link
      </Button>
    </Form>
  );
}
