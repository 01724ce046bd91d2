import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import type { Suggestion } from "../sip-matching";
import { formatDays, formatNumber } from "../../visits/day-budget";
import { AssignSchema, BudgetSchema } from "../schema";
import { Button } from "../../../components/ui/button";
import { EmptyState } from "../../../components/ui/empty-state";
import { ErrorList, Field, SelectField } from "../../../components/ui/field";

type Result = SubmissionResult<string[]> | null | undefined;

/** How many ranked SIPs are shown as suggestions with their reasons; the rest are in "pick another". */
const SHOWN = 3;

/** The best-matched SIPs for an unassigned school, each with its score per criterion and an "assign" button. */
export function SuggestionList({
  suggestions,
  dayBudget,
  lastResult,
}: {
  suggestions: Suggestion[];
  dayBudget: number;
  lastResult: Result;
}) {
  const navigation = useNavigation();
  const formErrors = lastResult?.error?.[""] ?? lastResult?.error?.sipUserId ?? null;
  return (
    <section aria-labelledby="suggestions-heading">
      <h2 id="suggestions-heading" className="text-lg font-semibold">
        Suggested SIPs
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        Ranked on continuity, locality, experience with the school's category and availability for a{" "}
        {formatNumber(dayBudget)}-day budget.
      </p>
      <ErrorList errors={formErrors} />
      {suggestions.length === 0 ? (
        <div className="mt-3">
          <EmptyState title="No SIPs to suggest">
            Give someone the School Improvement Partner role under People and roles, then come back.
          </EmptyState>
        </div>
      ) : (
        <ol className="mt-3 space-y-4">
          {suggestions.slice(0, SHOWN).map((s, i) => (
            <li
              key={s.userId}
              className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
              aria-labelledby={`suggestion-${s.userId}`}
            >
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h3 id={`suggestion-${s.userId}`} className="font-semibold">
                  {i + 1}. {s.name}
                </h3>
                <p className="text-sm font-semibold" data-testid="match-score">
                  Score {s.score} of {s.max}
                </p>
              </div>
              <ul className="mt-2 space-y-1 text-sm">
                {s.criteria.map((c) => (
                  <li key={c.criterion}>
                    <span className="font-medium">{c.label}</span> ({c.points} of {c.max}): {c.explanation}
                  </li>
                ))}
              </ul>
              <Form method="post" className="mt-3">
                <input type="hidden" name="intent" value="assign" />
                <input type="hidden" name="source" value="suggested" />
                <input type="hidden" name="sipUserId" value={s.userId} />
                <input type="hidden" name="dayBudget" value={dayBudget} />
                <Button type="submit" pending={navigation.state === "submitting"}>
                  Assign {s.name} ({formatDays(dayBudget)})
                </Button>
              </Form>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** Pick any SIP of the authority, with a budget other than the default if need be. */
export function AssignOtherForm({
  sips,
  dayBudget,
  lastResult,
}: {
  sips: Array<{ userId: string; name: string; daysLeft: number }>;
  dayBudget: number;
  lastResult: Result;
}) {
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "assign-other",
    lastResult,
    defaultValue: { dayBudget: String(dayBudget) },
    constraint: getZodConstraint(AssignSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AssignSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <section
      aria-labelledby="other-heading"
      className="self-start rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
    >
      <h2 id="other-heading" className="text-lg font-semibold">
        Pick another SIP
      </h2>
      <Form method="post" {...getFormProps(form)} className="mt-3 space-y-4">
        <input type="hidden" name="intent" value="assign" />
        <input type="hidden" name="source" value="other" />
        <ErrorList id={form.errorId} errors={form.errors} />
        <SelectField label="SIP" errors={fields.sipUserId.errors} selectProps={getSelectProps(fields.sipUserId)}>
          <option value="">Choose a SIP</option>
          {sips.map((s) => (
            <option key={s.userId} value={s.userId}>
              {s.name} ({formatNumber(s.daysLeft)} days of capacity left)
            </option>
          ))}
        </SelectField>
        <Field
          label="Day budget"
          hint="In whole or half days. Defaults to the school category's budget."
          errors={fields.dayBudget.errors}
          inputProps={{ ...getInputProps(fields.dayBudget, { type: "number" }), step: 0.5, min: 0.5 }}
        />
        <Button type="submit" pending={navigation.state === "submitting"}>
          Assign
        </Button>
      </Form>
    </section>
  );
}

/** Changes the day budget of the school's current assignment. */
export function BudgetForm({ dayBudget, lastResult }: { dayBudget: number; lastResult: Result }) {
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "budget",
    lastResult,
    defaultValue: { dayBudget: String(dayBudget) },
    constraint: getZodConstraint(BudgetSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: BudgetSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3">
      <input type="hidden" name="intent" value="budget" />
      <ErrorList id={form.errorId} errors={form.errors} />
      <Field
        label="Day budget"
        hint="In whole or half days."
        errors={fields.dayBudget.errors}
        inputProps={{ ...getInputProps(fields.dayBudget, { type: "number" }), step: 0.5, min: 0.5 }}
      />
      <Button type="submit" variant="secondary" pending={navigation.state === "submitting"}>
        Change budget
      </Button>
    </Form>
  );
}
