import {
  getFieldsetProps,
  getFormProps,
  getInputProps,
  getSelectProps,
  useForm,
  type FieldMetadata,
  type SubmissionResult,
} from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";
import type { AgendaItem } from "../../../../db/schema/sessions";
import { SessionSchema } from "../schema";
import { agendaItemFrom, agendaLengthHint, protocolById, protocols, type ProtocolId } from "../protocols";
import { useDateContext } from "../../../components/date-context";
import { Button } from "../../../components/ui/button";
import { ErrorList, Field, SelectField } from "../../../components/ui/field";

export type SessionDefaults = {
  title: string;
  startsAt: string;
  durationMinutes: number;
  place: string;
  agenda: AgendaItem[];
};

/**
 * Schedules or edits a monthly session: details, then an agenda built from protocol templates.
 * Items are added, removed and reordered with buttons (Conform list intents), so it works by
 * keyboard and, without scripts, through the server.
 */
export function SessionForm({
  id,
  defaultValue,
  lastResult,
  submitLabel,
}: {
  id: string;
  defaultValue: SessionDefaults;
  lastResult: SubmissionResult<string[]> | null | undefined;
  submitLabel: string;
}) {
  const navigation = useNavigation();
  const { timeZone } = useDateContext();
  const [form, fields] = useForm({
    id,
    lastResult,
    defaultValue,
    constraint: getZodConstraint(SessionSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SessionSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const [toAdd, setToAdd] = useState<ProtocolId>("story-circle");
  const [focusAfter, setFocusAfter] = useState<string | null>(null);
  const items = fields.agenda.getFieldList();
  const total = items.reduce((sum, item) => sum + (Number(item.getFieldset().minutes.value) || 0), 0);
  const lengthHint = agendaLengthHint(total, Number(fields.durationMinutes.value));

  // Keep the keyboard on the item that was moved (its buttons are re-rendered elsewhere).
  useEffect(() => {
    if (!focusAfter) return;
    const target = document.getElementById(focusAfter) as HTMLButtonElement | null;
    (target && !target.disabled ? target : document.getElementById(`${form.id}-add`))?.focus();
    setFocusAfter(null);
  }, [focusAfter, form.id]);

  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4">
      <ErrorList id={form.errorId} errors={form.errors} />
      <Field
        label="Title"
        hint="For example, October: root causes."
        errors={fields.title.errors}
        inputProps={getInputProps(fields.title, { type: "text" })}
      />
      <Field
        label="Date and time"
        hint={`In your authority's time zone (${timeZone.replaceAll("_", " ")}).`}
        errors={fields.startsAt.errors}
        inputProps={getInputProps(fields.startsAt, { type: "datetime-local" })}
      />
      <Field
        label="Length (minutes)"
        errors={fields.durationMinutes.errors}
        inputProps={getInputProps(fields.durationMinutes, { type: "number" })}
      />
      <Field
        label="Place or online link"
        hint="A room, or a meeting link starting with https://."
        errors={fields.place.errors}
        inputProps={getInputProps(fields.place, { type: "text" })}
      />
      <fieldset
        {...getFieldsetProps(fields.agenda)}
        aria-describedby={fields.agenda.errors?.length ? fields.agenda.errorId : undefined}
        className="space-y-3"
      >
        <legend className="text-base font-semibold">Agenda</legend>
        <p className="text-sm text-slate-700" aria-live="polite">
          {items.length === 0
            ? "No items yet: add a protocol below."
            : `${items.length} ${items.length === 1 ? "item" : "items"}, ${total} minutes in all.${lengthHint ? ` ${lengthHint}` : ""}`}
        </p>
        <ErrorList id={fields.agenda.errorId} errors={fields.agenda.errors} />
        <ol className="space-y-3">
          {items.map((item, index) => (
            <AgendaItemFields
              key={item.key}
              item={item}
              index={index}
              count={items.length}
              buttons={{
                up: form.reorder.getButtonProps({ name: fields.agenda.name, from: index, to: index - 1 }),
                down: form.reorder.getButtonProps({ name: fields.agenda.name, from: index, to: index + 1 }),
                remove: form.remove.getButtonProps({ name: fields.agenda.name, index }),
              }}
              onMoved={(which) => setFocusAfter(`${item.key}-${which}`)}
              onRemoved={() => setFocusAfter(`${form.id}-add`)}
            />
          ))}
        </ol>
        <div className="flex flex-wrap items-end gap-2 rounded-md bg-slate-50 p-3">
          <div className="grow">
            <label htmlFor={`${form.id}-protocol`} className="block text-sm font-medium text-slate-800">
              Protocol to add
            </label>
            <select
              id={`${form.id}-protocol`}
              value={toAdd}
              onChange={(e) => setToAdd(e.target.value as ProtocolId)}
              className="mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2"
            >
              {protocols.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} ({p.minutes} min)
                </option>
              ))}
            </select>
          </div>
          <Button
            id={`${form.id}-add`}
            variant="secondary"
            {...form.insert.getButtonProps({ name: fields.agenda.name, defaultValue: agendaItemFrom(toAdd) })}
          >
            Add to agenda
          </Button>
        </div>
      </fieldset>
      <Button
        type="submit"
        pending={navigation.state === "submitting" && navigation.formData?.get("__intent__") == null}
      >
        {submitLabel}
      </Button>
    </Form>
  );
}

type ButtonProps = ReturnType<ReturnType<typeof useForm>[0]["remove"]["getButtonProps"]>;

function AgendaItemFields({
  item,
  index,
  count,
  buttons,
  onMoved,
  onRemoved,
}: {
  item: FieldMetadata<AgendaItem>;
  index: number;
  count: number;
  buttons: { up: ButtonProps; down: ButtonProps; remove: ButtonProps };
  onMoved: (which: "up" | "down") => void;
  onRemoved: () => void;
}) {
  const f = item.getFieldset();
  const protocol = protocolById(String(f.template.value ?? ""));
  const n = index + 1;
  return (
    <li className="rounded-md border border-slate-300 bg-white p-3">
      <fieldset {...getFieldsetProps(item)}>
        <legend className="font-medium">
          Item {n}: {protocol.name}
        </legend>
        <div className="mt-2 grid gap-3 sm:grid-cols-[2fr_1fr]">
          <SelectField label="Protocol" errors={f.template.errors} selectProps={getSelectProps(f.template)}>
            {protocols.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </SelectField>
          <Field label="Minutes" errors={f.minutes.errors} inputProps={getInputProps(f.minutes, { type: "number" })} />
        </div>
        {protocol.purpose ? <p className="mt-1 text-sm text-slate-700">{protocol.purpose}</p> : null}
        <div className="mt-2">
          <Field label="Note (optional)" errors={f.note.errors} inputProps={getInputProps(f.note, { type: "text" })} />
        </div>
        <div className="mt-2 flex flex-wrap gap-2">
          <Button
            {...buttons.up}
            id={`${item.key}-up`}
            variant="secondary"
            className="px-3 py-1"
            disabled={index === 0}
            onClick={() => onMoved("up")}
          >
            Move up<span className="sr-only"> item {n}</span>
          </Button>
          <Button
            {...buttons.down}
            id={`${item.key}-down`}
            variant="secondary"
            className="px-3 py-1"
            disabled={index === count - 1}
            onClick={() => onMoved("down")}
          >
            Move down<span className="sr-only"> item {n}</span>
          </Button>
          <Button
            {...buttons.remove}
            id={`${item.key}-remove`}
            variant="danger"
            className="px-3 py-1"
            onClick={onRemoved}
          >
            Remove<span className="sr-only"> item {n}</span>
          </Button>
        </div>
      </fieldset>
    </li>
  );
}
