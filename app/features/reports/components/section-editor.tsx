import {
  getCollectionProps,
  getFormProps,
  getInputProps,
  getTextareaProps,
  useForm,
  type SubmissionResult,
} from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import type { ReportAudienceName } from "../../../kernel/permissions";
import { audienceNames, NewSectionSchema, SectionSchema } from "../sections";
import { audienceLabel, termsFor, type Terminology } from "../../../kernel/terminology";
import { Button } from "../../../components/ui/button";
import { ErrorList, Field } from "../../../components/ui/field";

/** Conform's props include a React `key`, which must not be spread into an element. */
function withoutKey<T extends { key?: unknown }>(props: T): Omit<T, "key"> {
  const { key: _key, ...rest } = props;
  return rest;
}

type Section = { id: string; kind: string; heading: string; body: string; audiences: ReportAudienceName[] };

/** One section in the SIP's draft: heading, text and who it is for, with buttons to move or remove it. */
export function SectionEditor(props: {
  section: Section;
  index: number;
  count: number;
  terminology: Terminology;
  lastResult?: SubmissionResult<string[]> | null;
  pending: boolean;
}) {
  const { section, terminology } = props;
  const [form, fields] = useForm({
    id: `section-${section.id}`,
    lastResult: props.lastResult,
    defaultValue: { sectionId: section.id, heading: section.heading, body: section.body, audiences: section.audiences },
    constraint: getZodConstraint(SectionSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SectionSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const terms = termsFor(terminology);
  const hiddenFromHead = !section.audiences.includes("head");
  return (
    <section aria-labelledby={`${form.id}-title`} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`${form.id}-title`} className="text-lg font-semibold">
          {props.index + 1}. {section.heading}
        </h2>
        {hiddenFromHead ? (
          <p className="rounded bg-amber-100 px-2 py-1 text-sm font-medium text-amber-900">
            Confidential: not shown to the {terms.head.toLowerCase()}
          </p>
        ) : null}
      </div>
      <Form method="post" {...getFormProps(form)} className="mt-3 space-y-4">
        <input type="hidden" name="intent" value="save-section" />
        <input {...withoutKey(getInputProps(fields.sectionId, { type: "hidden" }))} />
        <ErrorList id={form.errorId} errors={form.errors} />
        <Field
          label="Heading"
          errors={fields.heading.errors}
          inputProps={getInputProps(fields.heading, { type: "text" })}
        />
        <div>
          <label htmlFor={fields.body.id} className="block text-sm font-medium text-slate-800">
            Text
          </label>
          <textarea
            {...withoutKey(getTextareaProps(fields.body))}
            rows={Math.min(16, Math.max(4, section.body.split("\n").length + 1))}
            className="mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 font-mono text-sm text-slate-900 shadow-sm"
          />
          <ErrorList id={fields.body.errorId} errors={fields.body.errors} />
        </div>
        <fieldset aria-describedby={fields.audiences.errors?.length ? fields.audiences.errorId : undefined}>
          <legend className="text-sm font-medium text-slate-800">Who may read this section</legend>
          <div className="mt-1 flex flex-wrap gap-4">
            {getCollectionProps(fields.audiences, { type: "checkbox", options: [...audienceNames] }).map(
              ({ key, ...props }) => (
                <label key={key} className="flex items-center gap-2 text-sm">
                  <input {...props} className="h-4 w-4" />
                  {audienceLabel(props.value as ReportAudienceName, terminology)}
                </label>
              ),
            )}
          </div>
          <ErrorList id={fields.audiences.errorId} errors={fields.audiences.errors} />
        </fieldset>
        <Button type="submit" pending={props.pending}>
          Save section
        </Button>
      </Form>
      <div className="mt-3 flex flex-wrap gap-2 border-t border-slate-200 pt-3">
        <SectionButton
          sectionId={section.id}
          intent="move-up"
          disabled={props.index === 0}
          label={`Move “${section.heading}” up`}
          text="Move up"
        />
        <SectionButton
          sectionId={section.id}
          intent="move-down"
          disabled={props.index === props.count - 1}
          label={`Move “${section.heading}” down`}
          text="Move down"
        />
        <SectionButton
          sectionId={section.id}
          intent="remove-section"
          label={`Remove “${section.heading}”`}
          text="Remove"
          danger
        />
      </div>
    </section>
  );
}

function SectionButton(props: {
  sectionId: string;
  intent: string;
  label: string;
  text: string;
  disabled?: boolean;
  danger?: boolean;
}) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={props.intent} />
      <input type="hidden" name="sectionId" value={props.sectionId} />
      <Button
        type="submit"
        variant={props.danger ? "danger" : "secondary"}
        disabled={props.disabled}
        aria-label={props.label}
      >
        {props.text}
      </Button>
    </Form>
  );
}

/** Adds an empty section at the end (addressed to everyone until the SIP narrows it). */
export function NewSectionForm(props: { lastResult?: SubmissionResult<string[]> | null; pending: boolean }) {
  const [form, fields] = useForm({
    id: "new-section",
    lastResult: props.lastResult,
    constraint: getZodConstraint(NewSectionSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewSectionSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="intent" value="add-section" />
      <div className="min-w-64 flex-1">
        <Field
          label="Heading of a new section"
          errors={fields.heading.errors}
          inputProps={getInputProps(fields.heading, { type: "text" })}
        />
      </div>
      <Button type="submit" variant="secondary" pending={props.pending}>
        Add section
      </Button>
    </Form>
  );
}
