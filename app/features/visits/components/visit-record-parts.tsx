import { getFormProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import { PRE_VISIT_NOT_ASKED } from "../pre-visit";
import { focusQuestions, PreVisitSchema, VisitPartSchema } from "../schema";
import { Button } from "../../../components/ui/button";
import { Card } from "../../../components/ui/card";
import { ErrorList, TextareaField } from "../../../components/ui/field";

type Result = SubmissionResult<string[]> | null | undefined;
type Pre = { asked: boolean; selfEvaluationUpdate: string; questions: string; submittedAt: string | null };
type Visit = {
  performance: string;
  keyFactors: string;
  prioritiesAndTargets: string;
  howToAchieve: string;
  agreedActions: string;
  completedAt: string | null;
};

/**
 * Part one: the school's self-evaluation update and its questions for the SIP. Its leaders edit it
 * until the record is complete; a visit logged after it happened never asked for it, and says so.
 */
export function PreVisitPart({ pre, canEdit, lastResult }: { pre: Pre; canEdit: boolean; lastResult: Result }) {
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
  return (
    <Card title="Part 1: before the visit (the school)" id="pre-visit-heading">
      {canEdit ? (
        <Form method="post" {...getFormProps(form)} className="space-y-4">
          <input type="hidden" name="intent" value="pre" />
          <ErrorList id={form.errorId} errors={form.errors} />
          <TextareaField
            rows={4}
            label="Self-evaluation update"
            hint="What has changed since the last visit, and your evidence."
            errors={fields.selfEvaluationUpdate.errors}
            textareaProps={getTextareaProps(fields.selfEvaluationUpdate)}
          />
          <TextareaField
            rows={4}
            label="Questions for the SIP"
            hint="What you would like the SIP to look at or help with."
            errors={fields.questions.errors}
            textareaProps={getTextareaProps(fields.questions)}
          />
          <Button type="submit" pending={navigation.state === "submitting"}>
            {pre.submittedAt ? "Update the pre-visit part" : "Send the pre-visit part"}
          </Button>
        </Form>
      ) : !pre.asked ? (
        <>
          <ErrorList errors={lastResult?.error?.[""] ?? null} />
          <p className="text-sm text-slate-700" data-testid="pre-visit-not-asked">
            {PRE_VISIT_NOT_ASKED}
          </p>
        </>
      ) : pre.submittedAt ? (
        <>
          {/* A refused update (the record was completed meanwhile) still says why. */}
          <ErrorList errors={lastResult?.error?.[""] ?? null} />
          <dl className="space-y-3 text-sm">
            <Answer term="Self-evaluation update" text={pre.selfEvaluationUpdate} />
            <Answer term="Questions for the SIP" text={pre.questions} />
          </dl>
        </>
      ) : (
        <p className="text-sm text-slate-700">The school's leaders have not completed this part yet.</p>
      )}
    </Card>
  );
}

/** Part two: the SIP's answers to the four focus questions and the agreed actions. */
export function VisitPart({
  visit,
  state,
  canEdit,
  isSip,
  lastResult,
}: {
  visit: Visit;
  state: string;
  canEdit: boolean;
  isSip: boolean;
  lastResult: Result;
}) {
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "visit-part",
    lastResult,
    constraint: getZodConstraint(VisitPartSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: VisitPartSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  let body;
  if (canEdit) {
    body = (
      <Form method="post" {...getFormProps(form)} className="space-y-4">
        <input type="hidden" name="intent" value="visit" />
        <ErrorList id={form.errorId} errors={form.errors} />
        {focusQuestions.map((q) => (
          <TextareaField
            rows={4}
            key={q.name}
            label={q.label}
            errors={fields[q.name].errors}
            textareaProps={getTextareaProps(fields[q.name])}
          />
        ))}
        <TextareaField
          rows={4}
          label="Agreed actions"
          hint="Who does what, by when."
          errors={fields.agreedActions.errors}
          textareaProps={getTextareaProps(fields.agreedActions)}
        />
        <Button type="submit" pending={navigation.state === "submitting"}>
          Complete the record
        </Button>
      </Form>
    );
  } else if (state === "complete") {
    body = (
      <>
        <ErrorList errors={lastResult?.error?.[""] ?? null} />
        <dl className="space-y-3 text-sm">
          {focusQuestions.map((q) => (
            <Answer key={q.name} term={q.label} text={visit[q.name]} />
          ))}
          <Answer term="Agreed actions" text={visit.agreedActions} />
        </dl>
      </>
    );
  } else {
    body = (
      <>
        <ErrorList errors={lastResult?.error?.[""] ?? null} />
        <p className="text-sm text-slate-700">
          {isSip && state === "awaiting_school"
            ? "You can write this part once the school has completed its pre-visit part."
            : "The SIP has not completed this part yet."}
        </p>
      </>
    );
  }
  return (
    <Card title="Part 2: the visit (the SIP)" id="visit-part-heading">
      {body}
    </Card>
  );
}

function Answer({ term, text }: { term: string; text: string }) {
  return (
    <div>
      <dt className="font-semibold text-slate-900">{term}</dt>
      <dd className="mt-1 whitespace-pre-wrap text-slate-800">{text}</dd>
    </div>
  );
}
