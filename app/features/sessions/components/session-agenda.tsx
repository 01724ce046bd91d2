import { useDateContext } from "../../../components/date-context";
import { agendaLengthHint, agendaMinutes, agendaTimings, clockAfter, protocolById } from "../protocols";

/**
 * A session's agenda as a timetable: each protocol's clock times, purpose and the facilitator's note,
 * and a hint when its minutes do not add up to the session's length.
 */
export function SessionAgenda({
  startsAt,
  durationMinutes,
  agenda,
}: {
  startsAt: Date | string;
  durationMinutes: number;
  agenda: Array<{ template: string; minutes: number; note: string }>;
}) {
  const lengthHint = agendaLengthHint(agendaMinutes(agenda), durationMinutes);
  const dates = useDateContext();
  return (
    <section
      aria-labelledby="agenda-heading"
      className="mt-6 rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
    >
      <h2 id="agenda-heading" className="text-lg font-semibold">
        Agenda ({agendaMinutes(agenda)} minutes)
      </h2>
      {lengthHint ? (
        <p className="mt-1 text-sm text-slate-700" data-testid="agenda-length-hint">
          {lengthHint}
        </p>
      ) : null}
      {agenda.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">No agenda yet.</p>
      ) : (
        <ol className="mt-3 space-y-2">
          {agendaTimings(agenda).map((item, i) => {
            const protocol = protocolById(item.template);
            return (
              <li key={i} className="grid gap-1 sm:grid-cols-[8rem_1fr]">
                <span className="font-mono text-sm text-slate-700">
                  {clockAfter(startsAt, item.from, dates)}–{clockAfter(startsAt, item.to, dates)}
                </span>
                <span>
                  <span className="font-medium">{protocol.name}</span> ({item.minutes} min)
                  {protocol.purpose ? <span className="block text-sm text-slate-700">{protocol.purpose}</span> : null}
                  {item.note ? <span className="block text-sm">Note: {item.note}</span> : null}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
