import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import { MAX_GROUP, type Suggestion } from "../grouping";
import { AcceptSchema, CreateSchema } from "../schema";
import { Button } from "../../../components/ui/button";
import { ErrorList, Field } from "../../../components/ui/field";

type Result = SubmissionResult<string[]> | null | undefined;
type Community = { id: string; name: string; members: Array<{ id: string; name: string }> };

/** One suggested grouping: who, why, and a form to create it (name, then a button; keyboard only is fine). */
export function SuggestionCard({
  suggestion,
  index,
  lastResult,
}: {
  suggestion: Suggestion;
  index: number;
  lastResult: Result;
}) {
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: `accept-${index}`,
    lastResult,
    defaultValue: { name: suggestion.name },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AcceptSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <li className="rounded-md border border-slate-300 p-4">
      <h3 id={`${form.id}-title`} className="font-semibold">
        Suggestion {index + 1}: {suggestion.memberNames.join(", ")}
      </h3>
      <p className="mt-1 text-sm text-slate-700">{suggestion.reason}</p>
      <Form method="post" {...getFormProps(form)} className="mt-3 flex flex-wrap items-end gap-3">
        <input type="hidden" name="intent" value="accept" />
        <input type="hidden" name="formId" value={form.id} />
        {suggestion.memberIds.map((id) => (
          <input key={id} type="hidden" name="memberIds" value={id} />
        ))}
        <ErrorList id={form.errorId} errors={form.errors} />
        <div className="w-full sm:w-96">
          <Field
            label={`Name for suggestion ${index + 1}`}
            errors={fields.name.errors}
            inputProps={getInputProps(fields.name, { type: "text" })}
          />
        </div>
        <Button
          type="submit"
          pending={navigation.state === "submitting" && navigation.formData?.get("intent") === "accept"}
        >
          Create this community
        </Button>
      </Form>
    </li>
  );
}

/** Forms a community from leaders who are not in one yet, chosen with checkboxes. */
export function CreateCommunityForm({
  leaders,
  lastResult,
}: {
  leaders: Array<{ id: string; name: string }>;
  lastResult: Result;
}) {
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "create-community",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CreateSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const chosen = new Set([fields.memberIds.initialValue ?? []].flat());
  const membersError = fields.memberIds.errors?.length ? "create-members-error" : undefined;
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3">
      <input type="hidden" name="intent" value="create" />
      <ErrorList id={form.errorId} errors={form.errors} />
      <Field
        label="Community name"
        errors={fields.name.errors}
        inputProps={getInputProps(fields.name, { type: "text" })}
      />
      <fieldset aria-describedby={membersError}>
        <legend className="text-sm font-medium text-slate-800">Leaders (up to {MAX_GROUP})</legend>
        <ul className="mt-1 grid gap-1 sm:grid-cols-2">
          {leaders.map((l) => (
            <li key={l.id}>
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name="memberIds"
                  value={l.id}
                  defaultChecked={chosen.has(l.id)}
                  className="h-4 w-4"
                />
                {l.name}
              </label>
            </li>
          ))}
        </ul>
        <ErrorList id={membersError} errors={fields.memberIds.errors} />
      </fieldset>
      <Button
        type="submit"
        pending={navigation.state === "submitting" && navigation.formData?.get("intent") === "create"}
      >
        Create community
      </Button>
    </Form>
  );
}

/** Puts one leader in a community, or in none: a select and a button, one per leader. */
export function MoveForm({
  leader,
  communities,
  error,
}: {
  leader: { id: string; name: string; communityId: string | null };
  communities: Community[];
  error?: string;
}) {
  const selectId = `community-of-${leader.id}`;
  return (
    <Form method="post" className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="intent" value="move" />
      <input type="hidden" name="userId" value={leader.id} />
      <div>
        <label htmlFor={selectId} className="block text-xs font-medium text-slate-700">
          Community for {leader.name}
        </label>
        <select
          id={selectId}
          name="communityId"
          defaultValue={leader.communityId ?? ""}
          className="mt-1 rounded-md border border-slate-400 px-2 py-1 text-sm"
          aria-describedby={error ? `${selectId}-error` : undefined}
          aria-invalid={error ? true : undefined}
        >
          <option value="">None</option>
          {communities.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" variant="secondary" className="px-3 py-1">
        Move<span className="sr-only"> {leader.name}</span>
      </Button>
      <ErrorList id={`${selectId}-error`} errors={error ? [error] : undefined} />
    </Form>
  );
}

/** Renames a community. */
export function RenameForm({ community, error }: { community: Community; error?: string }) {
  const inputId = `rename-${community.id}`;
  return (
    <Form method="post" className="mt-2 flex flex-wrap items-end gap-2">
      <input type="hidden" name="intent" value="rename" />
      <input type="hidden" name="communityId" value={community.id} />
      <div>
        <label htmlFor={inputId} className="block text-xs font-medium text-slate-700">
          New name for {community.name}
        </label>
        <input
          id={inputId}
          name="name"
          defaultValue={community.name}
          required
          minLength={3}
          maxLength={80}
          className="mt-1 rounded-md border border-slate-400 px-2 py-1 text-sm"
          aria-describedby={error ? `${inputId}-error` : undefined}
          aria-invalid={error ? true : undefined}
        />
      </div>
      <Button type="submit" variant="secondary" className="px-3 py-1">
        Rename<span className="sr-only"> {community.name}</span>
      </Button>
      <ErrorList id={`${inputId}-error`} errors={error ? [error] : undefined} />
    </Form>
  );
}
