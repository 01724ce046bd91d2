import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { Button } from "../../../components/ui/button";
import { Card } from "../../../components/ui/card";
import { EmptyState } from "../../../components/ui/empty-state";
import { ErrorList } from "../../../components/ui/field";
import { AddLeadersSchema } from "../schema";

type Person = { userId: string; name: string; schools: string };

/**
 * Ticks school leaders in a list that a filter box narrows by name or school. Checkboxes rather
 * than a custom combobox: they work with the keyboard, with a screen reader and without scripts.
 */
export function AddLeadersForm({
  people,
  lastResult,
}: {
  people: Person[];
  lastResult: SubmissionResult<string[]> | null | undefined;
}) {
  const navigation = useNavigation();
  const [query, setQuery] = useState("");
  const [form, fields] = useForm({
    id: "add-leaders",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AddLeadersSchema }),
    shouldValidate: "onSubmit",
  });
  const needle = query.trim().toLowerCase();
  const matches = (p: Person) => !needle || `${p.name} ${p.schools}`.toLowerCase().includes(needle);
  const shown = people.filter(matches).length;
  const kept = new Set([fields.userIds.initialValue ?? []].flat());
  const errorId = fields.userIds.errors?.length ? `${form.id}-people-error` : undefined;
  return (
    <Card title="Add school leaders" id="add-leaders-heading">
      {people.length === 0 ? (
        <EmptyState title="Every school leader of the authority is in this cohort">
          When your authority admin invites more school leaders, you can add them here.
        </EmptyState>
      ) : (
        <Form method="post" {...getFormProps(form)} className="space-y-3">
          <input type="hidden" name="intent" value="add-leaders" />
          <ErrorList id={form.errorId} errors={form.errors} />
          <div>
            <label htmlFor="leader-filter" className="block text-sm font-medium text-slate-800">
              Find by name or school
            </label>
            <input
              id="leader-filter"
              type="search"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              aria-controls="leader-options"
              className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2"
            />
            <p className="mt-1 text-sm text-slate-700" aria-live="polite">
              {shown} of {people.length} shown
            </p>
          </div>
          <fieldset aria-describedby={errorId}>
            <legend className="text-sm font-medium text-slate-800">School leaders not yet in the cohort</legend>
            <ul
              id="leader-options"
              className="mt-2 max-h-80 space-y-1 overflow-y-auto rounded-md border border-slate-200 p-2"
            >
              {people.map((p) => (
                <li key={p.userId} hidden={!matches(p)}>
                  <label className="flex items-start gap-2 rounded px-1 py-1 hover:bg-slate-50">
                    <input
                      type="checkbox"
                      name={fields.userIds.name}
                      value={p.userId}
                      defaultChecked={kept.has(p.userId)}
                      className="mt-1"
                    />
                    <span>
                      <span className="font-medium">{p.name}</span>
                      {p.schools ? <span className="block text-sm text-slate-700">{p.schools}</span> : null}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
            <ErrorList id={errorId} errors={fields.userIds.errors} />
          </fieldset>
          <Button type="submit" pending={navigation.formData?.get("intent") === "add-leaders"}>
            Add to the cohort
          </Button>
        </Form>
      )}
    </Card>
  );
}
