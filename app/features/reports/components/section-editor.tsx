import {
  getCollectionProps,
  getFormProps,
  getInputProps,
  getTextareaProps,
  useForm,
  type SubmissionResult,
} from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, Link } from "@remix-run/react";
import { useEffect, useRef } from "react";
import type { ReportAudienceName } from "../../../kernel/permissions";
import { audienceNames, NewSectionSchema, SectionSchema } from "../sections";
import { audienceLabel, termsFor, type Terminology } from "../../../kernel/terminology";
import { RichTextField } from "../../../components/forms/rich-text-field";
import { Button } from "../../../components/ui/button";
import { ErrorList, Field } from "../../../components/ui/field";

/** Conform's props include a React `key`, which must not be spread into an element. */
function withoutKey<T extends { key?: unknown }>(props: T): Omit<T, "key"> {
  const { key: _key, ...rest } = props;
  return rest;
}

type Section = { id: string; heading: string; body: string; audiences: ReportAudienceName[] };

/**
 * One section of the SIP's draft, open for editing in place of its text: heading, text and who it is
 * for, Save or Cancel, and buttons to move or remove it. Opening it puts the cursor in the heading.
 */
export function SectionEditor(props: {
  section: Section;
  index: number;
  count: number;
  terminology: Terminology;
  lastResult?: SubmissionResult<string[]> | null;
  pending: boolean;
  /** Where Cancel goes: the read view, at this section. */
  closeTo: string;
}) {
  const { section, terminology } = props;
  const [form, fields] = useForm({
    id: `edit-${section.id}`,
    lastResult: props.lastResult,
    defaultValue: { sectionId: section.id, heading: section.heading, body: section.body, audiences: section.audiences },
    constraint: getZodConstraint(SectionSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SectionSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // The first invalid field after a refused save, else the heading: where the SIP's work continues.
    const target =
      box.current?.querySelector<HTMLElement>("[aria-invalid='true']") ??
      box.current?.querySelector<HTMLElement>("input[type='text']");
    target?.focus();
  }, [props.lastResult]);
  return (
    <div ref={box} className="no-print mt-3 rounded-md border-2 border-brand-600 bg-brand-50 p-4">
      <Form method="post" {...getFormProps(form)} className="space-y-4">
        <input type="hidden" name="intent" value="save-section" />
        <input {...withoutKey(getInputProps(fields.sectionId, { type: "hidden" }))} />
        <ErrorList id={form.errorId} errors={form.errors} />
        <Field
          label="Heading"
          errors={fields.heading.errors}
          inputProps={getInputProps(fields.heading, { type: "text" })}
        />
        <RichTextField
          label="Text"
          hint="Use the toolbar for headings, lists, quotes and links (without it, start a line with “- ” for a bullet). Dates written as 2027-07-16 are shown in the reader’s format."
          placeholder="Write what the reader needs to know: what you found, what it means and what happens next."
          rows={Math.min(18, Math.max(5, section.body.split("\n").length + 2))}
          errors={fields.body.errors}
          textareaProps={getTextareaProps(fields.body)}
        />
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
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" pending={props.pending}>
            Save section
          </Button>
          <Link to={props.closeTo} preventScrollReset className="text-sm font-semibold text-brand-700 underline">
            Cancel
          </Link>
        </div>
      </Form>
      <div className="mt-4 flex flex-wrap gap-2 border-t border-brand-100 pt-3">
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
          text="Remove section"
          danger
        />
      </div>
    </div>
  );
}

/** Above a section in the SIP's draft: who it is hidden from, and the Edit link (a plain link, so it works without scripts). */
export function SectionTools({
  section,
  number,
  terminology,
  editTo,
}: {
  section: Section;
  number: number;
  terminology: Terminology;
  editTo: string;
}) {
  const terms = termsFor(terminology);
  return (
    <div className="no-print flex flex-wrap items-center gap-2">
      {section.audiences.includes("head") ? null : (
        <p className="rounded bg-amber-100 px-2 py-1 text-sm font-medium text-amber-900">
          Confidential: not shown to the {terms.head.toLowerCase()}
        </p>
      )}
      <Link
        to={editTo}
        preventScrollReset
        aria-label={`Edit section ${number}, ${section.heading}`}
        className="min-h-11 rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-semibold text-slate-900 hover:bg-slate-50"
      >
        Edit
      </Link>
    </div>
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
