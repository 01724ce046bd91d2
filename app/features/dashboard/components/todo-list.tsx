import { Link } from "@remix-run/react";
import { Card } from "../../../components/ui/card";
import { useDateContext } from "../../../components/date-context";
import { formatDay } from "../../../kernel/dates";
import type { Role } from "../../../kernel/permissions";
import { roleLabel, type Terminology } from "../../../kernel/terminology";
import { plural, type TodoItem, type TodoList, type TodoRole } from "../todo-types";

const roleOf: Record<TodoRole, Role> = {
  head: "school_leader",
  sip: "sip",
  facilitator: "facilitator",
  admin: "authority_admin",
  governor: "governor",
};

/** An item's words with its date, formatted in the authority's locale and zone. */
function useItemText(item: TodoItem): string {
  const ctx = useDateContext();
  return item.when ? item.text.replace("{date}", formatDay(item.when.value, item.when.style, ctx)) : item.text;
}

function Item({ item, showRole, terminology }: { item: TodoItem; showRole: boolean; terminology: Terminology }) {
  const text = useItemText(item);
  return (
    <li className="border-t border-slate-200 py-3 first:border-t-0 first:pt-0 last:pb-0">
      <Link to={item.href} className="font-semibold text-brand-700 underline underline-offset-2">
        {text}
      </Link>
      {showRole ? (
        <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">
          {roleLabel(roleOf[item.role], terminology)}
        </span>
      ) : null}
      {item.details ? <p className="mt-1 text-sm text-slate-700">Agenda: {item.details.join(" · ")}</p> : null}
    </li>
  );
}

/** The person's "To do": every item a link to where it is done; an empty list says so and what comes next. */
export function TodoSection({ todo, terminology }: { todo: TodoList; terminology: Terminology }) {
  const showRole = new Set(todo.items.map((i) => i.role)).size > 1;
  return (
    <Card title="To do" id="todo-heading">
      {todo.items.length === 0 ? (
        <div>
          <p className="font-semibold text-slate-900">Nothing waiting for you</p>
          <p className="mt-1 text-sm text-slate-700">{todo.whatNext}</p>
        </div>
      ) : (
        <>
          <p className="mb-3 text-sm text-slate-700">{plural(todo.items.length, "thing")} waiting for you</p>
          <ul>
            {todo.items.map((item) => (
              <Item key={item.key} item={item} showRole={showRole} terminology={terminology} />
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
