import { getFormProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import {
  areaLabel,
  formatPlanDate,
  inspectorateName,
  judgementLabel,
  judgementOptions,
  type Judgement,
  type PlanArea,
} from "../../../kernel/plan-areas";
import { SelfEvaluationSchema } from "../schema";
import type { Terminology } from "../../../kernel/terminology";
import { Button } from "../../../components/ui/button";
import { ErrorList, SelectField } from "../../../components/ui/field";
import { CommentThreads, type ThreadView } from "./comment-threads";
import { TextareaField } from "./textarea-field";
import { useIntentResult } from "./use-intent-result";

export type AreaRow = {
  area: PlanArea;
  id: string | null;
  judgement: Judgement | null;
  evidence: string;
  updatedAt: string | null;
  threads: ThreadView[];
};

const tone: Record<Judgement, string> = {
  outstanding: "bg-emerald-100 text-emerald-900",
  good: "bg-sky-100 text-sky-900",
  requires_improvement: "bg-amber-100 text-amber-900",
  inadequate: "bg-red-100 text-red-900",
};

/** The self-evaluation summary: per area, the judgement the school expects and its evidence. Leaders edit in place. */
export function SelfEvaluation({
  rows,
  terminology,
  canEdit,
  canComment,
}: {
  rows: AreaRow[];
  terminology: Terminology;
  canEdit: boolean;
  canComment: boolean;
}) {
  return (
    <section aria-labelledby="self-evaluation-heading" className="mt-8">
      <h2 id="self-evaluation-heading" className="text-xl font-semibold">
        Self-evaluation
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        The judgement the school expects from {inspectorateName(terminology)} in each area, and the evidence for it.
      </p>
      <ul className="mt-4 space-y-4">
        {rows.map((row) => (
          <li key={row.area} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h3 className="font-semibold text-slate-900">{areaLabel(row.area, terminology)}</h3>
              {row.judgement ? (
                <span className={`rounded-full px-2 py-0.5 text-sm font-semibold ${tone[row.judgement]}`}>
                  {judgementLabel(row.judgement, terminology)}
                </span>
              ) : (
                <span className="text-sm text-slate-700">Not judged yet</span>
              )}
            </div>
            {canEdit ? (
              <AreaForm row={row} terminology={terminology} />
            ) : row.judgement ? (
              <p className="mt-2 whitespace-pre-line text-sm text-slate-800">{row.evidence}</p>
            ) : (
              <p className="mt-2 text-sm text-slate-700">The school&apos;s leaders have not evaluated this area yet.</p>
            )}
            {row.updatedAt ? (
              <p className="mt-1 text-xs text-slate-600">Updated {formatPlanDate(row.updatedAt)}</p>
            ) : null}
            {row.id ? (
              <CommentThreads
                subjectKind="self_evaluation"
                subjectId={row.id}
                itemName={areaLabel(row.area, terminology)}
                threads={row.threads}
                canComment={canComment}
              />
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function AreaForm({ row, terminology }: { row: AreaRow; terminology: Terminology }) {
  const lastResult = useIntentResult("self-evaluation", row.area);
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: `self-evaluation-${row.area}`,
    lastResult,
    defaultValue: { area: row.area, judgement: row.judgement ?? "", evidence: row.evidence },
    constraint: getZodConstraint(SelfEvaluationSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SelfEvaluationSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const label = areaLabel(row.area, terminology);
  return (
    <Form method="post" preventScrollReset {...getFormProps(form)} className="mt-3 grid gap-3 md:grid-cols-[14rem_1fr]">
      <input type="hidden" name="intent" value="self-evaluation" />
      <input type="hidden" name="area" value={row.area} />
      <ErrorList id={form.errorId} errors={form.errors} />
      <SelectField
        label={`Judgement: ${label}`}
        errors={fields.judgement.errors}
        selectProps={getSelectProps(fields.judgement)}
      >
        <option value="">Choose a judgement</option>
        {judgementOptions(terminology).map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </SelectField>
      <TextareaField
        label={`Evidence: ${label}`}
        errors={fields.evidence.errors}
        textareaProps={getTextareaProps(fields.evidence)}
      />
      <div className="md:col-start-2">
        <Button
          type="submit"
          variant="secondary"
          pending={navigation.state === "submitting" && navigation.formData?.get("area") === row.area}
        >
          Save {label.toLowerCase()}
        </Button>
      </div>
    </Form>
  );
}
