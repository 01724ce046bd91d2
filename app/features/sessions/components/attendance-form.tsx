import { Form, useNavigation } from "@remix-run/react";
import { Button } from "../../../components/ui/button";
import { ErrorList } from "../../../components/ui/field";

type Leader = { userId: string; name: string; present: boolean | null };

/** The register: present or absent for each leader of the cohort (a pair of radio buttons each). */
export function AttendanceForm({
  leaders,
  error,
  saved,
}: {
  leaders: Leader[];
  error: string | null;
  saved: string | null;
}) {
  const navigation = useNavigation();
  if (leaders.length === 0)
    return <p className="mt-2 text-sm text-slate-700">Add school leaders to the cohort to take attendance.</p>;
  return (
    <Form method="post" className="mt-3 space-y-3">
      <ErrorList id="attendance-error" errors={error ? [error] : null} />
      {saved ? (
        <p role="status" className="rounded bg-brand-50 p-2 text-sm text-brand-800">
          {saved}
        </p>
      ) : null}
      <ul className="space-y-2">
        {leaders.map((l) => (
          <li key={l.userId}>
            <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-1">
              <legend className="float-left mr-2 min-w-32 text-sm font-medium">{l.name}</legend>
              {(["present", "absent"] as const).map((value) => (
                <label key={value} className="flex items-center gap-1 text-sm">
                  <input
                    type="radio"
                    name={`attendance.${l.userId}`}
                    value={value}
                    defaultChecked={l.present === (value === "present")}
                  />
                  {value === "present" ? "Present" : "Absent"}
                </label>
              ))}
            </fieldset>
          </li>
        ))}
      </ul>
      <Button type="submit" pending={navigation.state === "submitting"}>
        Save attendance
      </Button>
    </Form>
  );
}
