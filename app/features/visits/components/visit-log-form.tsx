import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import { formatDays, formatNumber, wouldOverspend } from "../day-budget";
import { OVERSPEND_CONFIRM_LABEL, visitKindLabels, visitKinds, visitSchema } from "../schema";
import { Button } from "../../../components/ui/button";
import { ErrorList, Field, SelectField } from "../../../components/ui/field";

type Budget = { dayBudget: number; used: number; start: string; end: string };

/**
 * The SIP's form for logging time. It shows what is left of the budget, and as soon as the days
 * entered would go over it, a warning with a "Record it anyway" box that must be ticked (the
 * action refuses without it too).
 */
export function VisitLogForm({
  budget,
  today,
  lastResult,
}: {
  budget: Budget;
  today: string;
  lastResult: SubmissionResult<string[]> | null | undefined;
}) {
  const navigation = useNavigation();
  const schema = visitSchema(budget);
  const [form, fields] = useForm({
    id: "log-visit",
    lastResult,
    defaultValue: { visitDate: today, kind: "in_school", days: "1" },
    constraint: getZodConstraint(schema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const remaining = budget.dayBudget - budget.used;
  const entered = Number(fields.days.value);
  const over =
    (Number.isFinite(entered) && entered > 0 && wouldOverspend(budget.dayBudget, budget.used, entered)) ||
    Boolean(fields.confirmOverspend.errors);
  // Conform's props include a `key`, which React must not receive through a spread.
  const { key: _key, ...confirmProps } = getInputProps(fields.confirmOverspend, { type: "checkbox", value: "on" });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4">
      <input type="hidden" name="intent" value="log" />
      <p className="rounded bg-slate-100 p-2 text-sm" data-testid="budget-left">
        {remaining > 0
          ? `${formatDays(remaining)} left of the ${formatNumber(budget.dayBudget)}-day budget.`
          : `No days left of the ${formatNumber(budget.dayBudget)}-day budget.`}
      </p>
      <ErrorList id={form.errorId} errors={form.errors} />
      <Field
        label="Date"
        errors={fields.visitDate.errors}
        inputProps={{ ...getInputProps(fields.visitDate, { type: "date" }), min: budget.start, max: budget.end }}
      />
      <SelectField label="What the time was for" errors={fields.kind.errors} selectProps={getSelectProps(fields.kind)}>
        {visitKinds.map((k) => (
          <option key={k} value={k}>
            {visitKindLabels[k]}
          </option>
        ))}
      </SelectField>
      <Field
        label="Days"
        hint="In half-day steps: 0.5, 1, 1.5 …"
        errors={fields.days.errors}
        inputProps={{ ...getInputProps(fields.days, { type: "number" }), step: 0.5, min: 0.5 }}
      />
      <Field
        label="Purpose"
        hint="For example: termly review of the Year 6 writing priority."
        errors={fields.purpose.errors}
        inputProps={getInputProps(fields.purpose, { type: "text" })}
      />
      {over ? (
        <div className="rounded-md border border-amber-700 bg-amber-50 p-3" data-testid="overspend-warning">
          <p className="text-sm font-semibold text-amber-950">
            Warning: this would take the school over its day budget
            {remaining > 0 ? ` (only ${formatDays(remaining)} left)` : ""}.
          </p>
          <label className="mt-2 flex items-center gap-2 text-sm text-slate-900">
            <input {...confirmProps} className="h-4 w-4" />
            {OVERSPEND_CONFIRM_LABEL}
          </label>
          <ErrorList id={fields.confirmOverspend.errorId} errors={fields.confirmOverspend.errors} />
        </div>
      ) : null}
      <Button type="submit" pending={navigation.state === "submitting"}>
        Log time
      </Button>
    </Form>
  );
}
