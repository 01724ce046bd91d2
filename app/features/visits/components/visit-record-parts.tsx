import { getFormProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, Link, useLocation, useNavigation } from "@remix-run/react";
import { useEffect } from "react";
import { focusQuestions, PreVisitSchema, VisitPartSchema } from "../schema";
import { Button } from "../../../components/ui/button";
import { RichTextField } from "../../../components/forms/rich-text-field";
import { ErrorList } from "../../../components/ui/field";

export type Result = SubmissionResult<string[]> | null | undefined;
export type Pre = { asked: boolean; selfEvaluationUpdate: string; questions: string; submittedAt: string | null };
export type Visit = {
  performance: string;
  keyFactors: string;
  prioritiesAndTargets: string;
  howToAchieve: string;
  agreedActions: string;
  completedAt: string | null;
};

/** The SIP's sections of a record, each opened for editing with `?edit=<name>`. */
export const visitSections = [
  { name: "seen", title: "What was seen", fields: ["performance", "keyFactors"] },
  { name: "develop", title: "Areas to develop", fields: ["prioritiesAndTargets", "howToAchieve"] },
  { name: "actions", title: "Agreed actions", fields: ["agreedActions"] },
] as const;
export type VisitSectionName = (typeof visitSections)[number]["name"];

/** Moves focus to the first field of the section being edited, once it is on screen. */
function useFocusFirstField(containerId: string, active: boolean) {
  useEffect(() => {
    if (active) document.querySelector<HTMLElement>(`#${containerId} textarea`)?.focus();
  }, [containerId, active]);
}

/** Back to the read view, returning focus to the Edit button that opened the form. */
function CancelLink({ returnFocusTo }: { returnFocusTo: string }) {
  const { pathname } = useLocation();
  return (
    <Link
      to={pathname}
      state={{ focus: returnFocusTo }}
      preventScrollReset
      className="inline-flex min-h-11 items-center rounded-md px-3 py-2 text-sm font-semibold text-brand-700 underline"
    >
      Cancel
    </Link>
  );
}

/** The school's pre-visit part as a form: its leaders edit it until the record is complete. */
export function PreVisitForm({ pre, lastResult }: { pre: Pre; lastResult: Result }) {
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "pre-visit",
    lastResult,
    defaultValue: { selfEvaluationUpdate: pre.selfEvaluationUpdate, questions: pre.questions },
    constraint: getZodConstraint(PreVisitSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PreVisitSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  useFocusFirstField("edit-form-pre", true);
  return (
    // The wrapper carries the id focus looks for: the form's own id is conform's.
    <div id="edit-form-pre">
      <Form method="post" {...getFormProps(form)} className="space-y-4" preventScrollReset>
        <input type="hidden" name="intent" value="pre" />
        <ErrorList id={form.errorId} errors={form.errors} />
        <RichTextField
          rows={4}
          label="Self-evaluation update"
          hint="What has changed since the last visit, and your evidence."
          placeholder="For example: attendance is up since September; the new reading scheme is in every class."
          errors={fields.selfEvaluationUpdate.errors}
          textareaProps={getTextareaProps(fields.selfEvaluationUpdate)}
        />
        <RichTextField
          rows={4}
          label="Questions for the SIP"
          hint="What you would like the SIP to look at or help with."
          placeholder="For example: could you look at how Year 4 use feedback in maths?"
          errors={fields.questions.errors}
          textareaProps={getTextareaProps(fields.questions)}
        />
        <div className="flex items-center gap-3">
          <Button type="submit" pending={navigation.state === "submitting"}>
            {pre.submittedAt ? "Update the pre-visit part" : "Send the pre-visit part"}
          </Button>
          <CancelLink returnFocusTo="edit-pre" />
        </div>
      </Form>
    </div>
  );
}

/** What to write in each focus question, shown in the empty editor. */
const placeholders: Record<(typeof focusQuestions)[number]["name"], string> = {
  performance: "What you saw in lessons, books and the data, and what it tells you.",
  keyFactors: "What is making the difference, for better or worse.",
  prioritiesAndTargets: "The few things that matter most this year, with the targets that show progress.",
  howToAchieve: "The steps the school will take, who leads them and when.",
};

const actionsHint =
  'One action per line: who, what, by when. For example "Head teacher: share the attendance dashboard with governors by 2026-12-15".';

/**
 * The SIP's visit part as one form: the record is completed in one go (the stored record has no
 * drafts of single sections), so whichever section's Edit was pressed opens this form at that
 * section, with its first field focused.
 */
export function VisitPartForm({
  visit,
  section,
  lastResult,
}: {
  visit: Visit;
  section: VisitSectionName;
  lastResult: Result;
}) {
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "visit-part",
    lastResult,
    defaultValue: visit,
    constraint: getZodConstraint(VisitPartSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: VisitPartSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  useFocusFirstField(`edit-form-${section}`, true);
  const labels: Record<string, { label: string; hint?: string; placeholder: string }> = {
    ...Object.fromEntries(focusQuestions.map((q) => [q.name, { label: q.label, placeholder: placeholders[q.name] }])),
    agreedActions: {
      label: "Agreed actions",
      hint: actionsHint,
      placeholder: "Head teacher: share the attendance dashboard with governors by 2026-12-15",
    },
  };
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-6" preventScrollReset>
      <input type="hidden" name="intent" value="visit" />
      <ErrorList id={form.errorId} errors={form.errors} />
      {visitSections.map((s) => (
        <fieldset key={s.name} id={`edit-form-${s.name}`} className="space-y-4">
          <legend className="text-base font-semibold text-slate-900">{s.title}</legend>
          {s.fields.map((name) => (
            <RichTextField
              key={name}
              rows={name === "agreedActions" ? 5 : 4}
              label={labels[name].label}
              hint={labels[name].hint}
              placeholder={labels[name].placeholder}
              errors={fields[name].errors}
              textareaProps={getTextareaProps(fields[name])}
            />
          ))}
        </fieldset>
      ))}
      <p className="text-sm text-slate-700">
        Completing the record tells the school&apos;s leaders. It cannot be changed afterwards.
      </p>
      <div className="flex items-center gap-3">
        <Button type="submit" pending={navigation.state === "submitting"}>
          Complete the record
        </Button>
        <CancelLink returnFocusTo={`edit-${section}`} />
      </div>
    </Form>
  );
}
