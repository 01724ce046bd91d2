import { getFormProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import { Button } from "../../../components/ui/button";
import { Card } from "../../../components/ui/card";
import { EmptyState } from "../../../components/ui/empty-state";
import { ErrorList, SelectField } from "../../../components/ui/field";
import { AddFacilitatorSchema } from "../schema";

/** Picks a co-facilitator among the authority's facilitators who are not in the cohort yet. */
export function AddFacilitatorForm({
  people,
  lastResult,
}: {
  people: Array<{ userId: string; name: string }>;
  lastResult: SubmissionResult<string[]> | null | undefined;
}) {
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "add-facilitator",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AddFacilitatorSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <Card title="Add a co-facilitator" id="add-facilitator-heading">
      {people.length === 0 ? (
        <EmptyState title="No other facilitators to add">
          Your authority admin can give a colleague the facilitator role first.
        </EmptyState>
      ) : (
        <Form method="post" {...getFormProps(form)} className="space-y-3">
          <input type="hidden" name="intent" value="add-facilitator" />
          <ErrorList id={form.errorId} errors={form.errors} />
          <SelectField label="Facilitator" errors={fields.userId.errors} selectProps={getSelectProps(fields.userId)}>
            <option value="">Choose a facilitator</option>
            {people.map((p) => (
              <option key={p.userId} value={p.userId}>
                {p.name}
              </option>
            ))}
          </SelectField>
          <Button type="submit" variant="secondary" pending={navigation.formData?.get("intent") === "add-facilitator"}>
            Add co-facilitator
          </Button>
        </Form>
      )}
    </Card>
  );
}
