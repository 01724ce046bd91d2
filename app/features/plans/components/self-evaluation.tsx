import { getFormProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import {
  areaLabel,
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
import { FormattedDate } from "../../../components/date-context";
import { CommentThreads, type ThreadView } from "./comment-threads";
import { EditableSection } from "./editable-section";
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

/**
 * The self-evaluation, read first: per area, the judgement the school expects (a badge) and the
 * evidence for it. Leaders open one area's form at a time with its Edit button.
 */
export function SelfEvaluation({
  rows,
  terminology,
  canEdit,
  canComment,
  editParam,
}: {
  rows: AreaRow[];
  terminology: Terminology;
  canEdit: boolean;
  canComment: boolean;
  editParam: string | null;
}) {
  return (
    <section aria-labelledby="self-evaluation-heading" className="mt-10">
      <h2 id="self-evaluation-heading" className="text-xl font-semibold">
        Self-evaluation
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        The judgement the school expects from {inspectorateName(terminology)} in each area, and the evidence for it.
      </p>
      {rows.map((row) => {
        const label = areaLabel(row.area, terminology);
        return (
          <EditableSection
            key={row.area}
            id={`area-${row.area}`}
            level={3}
            className="mt-6"
            title={label}
            aside={<JudgementBadge judgement={row.judgement} terminology={terminology} />}
            canEdit={canEdit}
            editParam={editParam}
            owns={(r) => r.intent === "self-evaluation" && r.key === row.area}
            form={<AreaForm row={row} terminology={terminology} />}
          >
            {row.judgement ? (
              <p className="max-w-prose whitespace-pre-line text-slate-800">{row.evidence}</p>
            ) : (
              <p className="text-sm text-slate-700">
                {canEdit
                  ? "Not evaluated yet. Use Edit to record the judgement you expect and its evidence."
                  : "The school's leaders have not evaluated this area yet."}
              </p>
            )}
            {row.updatedAt ? (
              <p className="mt-1 text-xs text-slate-600">
                Updated <FormattedDate value={row.updatedAt} style="date" />
              </p>
            ) : null}
            {row.id ? (
              <CommentThreads
                subjectKind="self_evaluation"
                subjectId={row.id}
                itemName={label}
                threads={row.threads}
                canComment={canComment}
              />
            ) : null}
          </EditableSection>
        );
      })}
    </section>
  );
}

function JudgementBadge({ judgement, terminology }: { judgement: Judgement | null; terminology: Terminology }) {
  if (!judgement) return <span className="text-sm text-slate-700">Not judged yet</span>;
  return (
    <span className={`rounded-full px-2.5 py-0.5 text-sm font-semibold ${tone[judgement]}`}>
      {judgementLabel(judgement, terminology)}
    </span>
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
    <Form method="post" preventScrollReset {...getFormProps(form)} className="grid gap-3 md:grid-cols-[14rem_1fr]">
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
