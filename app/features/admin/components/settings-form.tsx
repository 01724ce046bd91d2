import { getCollectionProps, getFormProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { useMemo } from "react";
import { Button } from "../../../components/ui/button";
import { ErrorList, SelectField } from "../../../components/ui/field";
import { StatusMessage } from "../../../components/ui/status-message";
import { formatInstant } from "../../../kernel/dates";
import { termsFor, type Terminology } from "../../../kernel/terminology";
import { authoritySettingsSchema } from "../schema";

/** What the settings action answers: the form result, and whether the settings were just saved. */
export type SettingsActionData = SubmissionResult<string[]> & { saved?: boolean };

type Settings = { authorityId: string; terminology: Terminology; timeZone: string };

const choices: { value: Terminology; label: string }[] = [
  { value: "en-GB", label: "English (UK)" },
  { value: "en-US", label: "English (US)" },
];

// A fixed afternoon, so the examples read the same on the server and in the browser.
const EXAMPLE = "2026-10-14T13:00:00Z";

/** "Europe/London" → group "Europe"; zones without a region ("UTC") go under "Other". */
function groupZones(zones: readonly string[]): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const zone of zones) {
    const region = zone.includes("/") ? zone.slice(0, zone.indexOf("/")) : "Other";
    groups.set(region, [...(groups.get(region) ?? []), zone]);
  }
  return [...groups.entries()];
}

/** The words and the time zone of the authority, with examples of what each choice changes. */
export function SettingsForm({ current, timeZones }: { current: Settings; timeZones: readonly string[] }) {
  const lastResult = useActionData<SettingsActionData>();
  const navigation = useNavigation();
  const schema = useMemo(() => authoritySettingsSchema(timeZones), [timeZones]);
  const groups = useMemo(() => groupZones(timeZones), [timeZones]);
  const [form, fields] = useForm({
    id: "authority-settings",
    lastResult,
    defaultValue: current,
    constraint: getZodConstraint(schema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const saved = Boolean(lastResult && "saved" in lastResult && lastResult.saved);
  // The example follows what is chosen now, before saving, so the admin sees the effect of a choice.
  const chosenZone = timeZones.includes(fields.timeZone.value ?? "") ? fields.timeZone.value! : current.timeZone;
  const locale: Terminology = fields.terminology.value === "en-US" ? "en-US" : "en-GB";
  const termsErrorId = fields.terminology.errors?.length ? `${fields.terminology.id}-error` : undefined;
  return (
    <Form method="post" {...getFormProps(form)} className="mt-4 space-y-6">
      {saved ? <StatusMessage>Settings saved. Every page now uses them.</StatusMessage> : null}
      <ErrorList id={form.errorId} errors={form.errors} />
      <input type="hidden" name={fields.authorityId.name} value={current.authorityId} />
      <fieldset aria-describedby={termsErrorId} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <legend className="px-1 text-lg font-semibold">Words</legend>
        <p className="text-sm text-slate-700">
          The words people see for roles, bodies and inspection, and how dates are written.
        </p>
        <div className="mt-3 flex flex-wrap gap-x-6 gap-y-2">
          {getCollectionProps(fields.terminology, { type: "radio", options: choices.map((c) => c.value) }).map(
            ({ key, ...props }, i) => (
              <label key={key} className="flex items-center gap-2 text-sm font-medium text-slate-900">
                <input {...props} className="h-4 w-4" />
                {choices[i].label}
              </label>
            ),
          )}
        </div>
        <ErrorList id={termsErrorId} errors={fields.terminology.errors} />
        <TermsExamples />
      </fieldset>
      <div className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <SelectField
          label="Time zone"
          errors={fields.timeZone.errors}
          selectProps={{ ...getSelectProps(fields.timeZone), required: true }}
        >
          {groups.map(([region, zones]) => (
            <optgroup key={region} label={region}>
              {zones.map((zone) => (
                <option key={zone} value={zone}>
                  {zone.replaceAll("_", " ")}
                </option>
              ))}
            </optgroup>
          ))}
        </SelectField>
        <p className="mt-2 text-sm text-slate-700" aria-live="polite">
          Every date and time is shown, and session times are entered, in this zone. A session at 14:00 in London shows
          as {formatInstant(EXAMPLE, "time", { locale, timeZone: chosenZone })} in {chosenZone.replaceAll("_", " ")}.
        </p>
      </div>
      <Button type="submit" pending={navigation.state === "submitting"}>
        Save settings
      </Button>
    </Form>
  );
}

/** A table of what the choice of words changes, side by side. */
function TermsExamples() {
  const [gb, us] = [termsFor("en-GB"), termsFor("en-US")];
  const gbDates = { locale: "en-GB", timeZone: "Europe/London" } as const;
  const usDates = { locale: "en-US", timeZone: "Europe/London" } as const;
  const rows: [string, string, string][] = [
    ["Who leads a school", gb.head, us.head],
    ["Who holds a school to account", gb.governors, us.governors],
    ["The authority", gb.authority, us.authority],
    ["Inspection", gb.inspection, us.inspection],
    ["A date", formatInstant(EXAMPLE, "date", gbDates), formatInstant(EXAMPLE, "date", usDates)],
    ["A time", formatInstant(EXAMPLE, "time", gbDates), formatInstant(EXAMPLE, "time", usDates)],
  ];
  return (
    <table className="mt-4 w-full text-left text-sm">
      <caption className="sr-only">What each choice of words changes</caption>
      <thead>
        <tr className="border-b border-slate-300">
          <th scope="col" className="py-1 pr-4 font-semibold">
            What
          </th>
          {choices.map((c) => (
            <th key={c.value} scope="col" className="py-1 pr-4 font-semibold">
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([what, a, b]) => (
          <tr key={what} className="border-b border-slate-200">
            <th scope="row" className="py-1 pr-4 font-normal text-slate-700">
              {what}
            </th>
            <td className="py-1 pr-4">{a}</td>
            <td className="py-1 pr-4">{b}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
