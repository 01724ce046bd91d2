import { getCollectionProps, getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import { roundLabels, scaleLabels, surveyItems, type SurveyRound } from "../trust-survey";
import { SurveyResponseSchema } from "../schema";
import { Button } from "../../../components/ui/button";
import { ErrorList } from "../../../components/ui/field";

/** The survey: each statement a group of radio buttons in a fieldset whose legend is the statement. */
export function TrustSurveyForm({
  roundId,
  round,
  lastResult,
}: {
  roundId: string;
  round: SurveyRound;
  lastResult?: SubmissionResult<string[]> | null;
}) {
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: `survey-${roundId}`,
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SurveyResponseSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-5">
      <input type="hidden" name="intent" value="answer" />
      <input type="hidden" name="roundId" value={roundId} />
      <p className="text-sm text-slate-700">
        {roundLabels[round]} round. Think about the other school leaders in this cohort as a group. Every statement
        needs an answer; you can answer once, and your answers cannot be traced back to you.
      </p>
      <ErrorList id={form.errorId} errors={form.errors} />
      {surveyItems.map((item, index) => {
        const field = fields[item.id];
        const errorId = field.errors?.length ? `${field.id}-error` : undefined;
        return (
          <fieldset key={item.id} className="rounded-md border border-slate-300 p-3" aria-describedby={errorId}>
            <legend className="px-1 font-medium text-slate-900">
              {index + 1}. {item.text}
            </legend>
            <div className="mt-2 flex flex-wrap gap-x-5 gap-y-2">
              {getCollectionProps(field, { type: "radio", options: ["1", "2", "3", "4", "5"] }).map(
                ({ key, ...props }, i) => (
                  <label key={key} className="flex items-center gap-2 text-sm text-slate-800">
                    <input {...props} className="h-4 w-4" />
                    {scaleLabels[i]}
                  </label>
                ),
              )}
            </div>
            <ErrorList id={errorId} errors={field.errors} />
          </fieldset>
        );
      })}
      <Button
        type="submit"
        pending={navigation.state === "submitting" && navigation.formData?.get("intent") === "answer"}
      >
        Send my answers
      </Button>
    </Form>
  );
}
