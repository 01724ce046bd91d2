import { Form, useNavigation } from "@remix-run/react";
import { Button } from "../../../components/ui/button";

export type Member = { userId: string; name: string; role: "facilitator" | "leader"; schools: string };

/** A list of cohort members, each with a "Remove" button where the facilitator may take them out. */
export function MemberList({ members, removable }: { members: Member[]; removable: (m: Member) => boolean }) {
  const navigation = useNavigation();
  return (
    <ul className="divide-y divide-slate-200">
      {members.map((m) => (
        <li key={m.userId} className="flex flex-wrap items-center justify-between gap-2 py-2">
          <div>
            <p className="font-medium">{m.name}</p>
            {m.schools ? <p className="text-sm text-slate-700">{m.schools}</p> : null}
          </div>
          {removable(m) ? (
            <Form
              method="post"
              onSubmit={(e) => {
                // Taking a leader out also takes them out of the cohort's communities: ask first.
                if (
                  m.role === "leader" &&
                  !window.confirm(`Remove ${m.name} from the cohort? They also leave its communities.`)
                )
                  e.preventDefault();
              }}
            >
              <input type="hidden" name="intent" value="remove" />
              <input type="hidden" name="userId" value={m.userId} />
              <input type="hidden" name="role" value={m.role} />
              <Button
                type="submit"
                variant="danger"
                className="px-3 py-1"
                pending={navigation.formData?.get("userId") === m.userId}
              >
                Remove<span className="sr-only"> {m.name}</span>
              </Button>
            </Form>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
