import { formatCalendarDate, type DateContext } from "../../kernel/dates";
import {
  actionStatusLabels,
  areaLabel,
  judgementLabel,
  type ActionStatus,
  type Judgement,
} from "../../kernel/plan-areas";
import type { Terminology } from "../../kernel/terminology";
import { targetStatusLabels, type TargetStatus } from "../plans/target-status";
import { printDocument } from "./print-document.server";

/** What the plan's PDF holds: the self-evaluation and every priority with its targets, actions and progress. */
export type PlanExport = {
  schoolName: string;
  yearLabel: string;
  exportedOn: string;
  terminology: Terminology;
  started: boolean;
  evaluations: Array<{ area: string; judgement: Judgement | null; evidence: string }>;
  priorities: Array<{
    title: string;
    area: string;
    rationale: string;
    targets: Array<{
      measure: string;
      studentGroup: string;
      baseline: number;
      target: number;
      actual: number | null;
      byWhen: string;
      status: TargetStatus;
    }>;
    actions: Array<{ description: string; owner: string; due: string; status: ActionStatus }>;
    updates: Array<{ body: string; authorName: string | null; on: string }>;
    inquiries: string[];
  }>;
};

/** The plan as a print document: the same sections as its pages, in the authority's words and dates. */
export function planPrintHtml(plan: PlanExport, dates: DateContext): string {
  return printDocument({
    title: `Improvement plan ${plan.yearLabel} · ${plan.schoolName}`,
    lang: dates.locale,
    header: `${plan.schoolName} · Improvement plan ${plan.yearLabel} · Confidential`,
    body: <PlanDocument plan={plan} dates={dates} />,
  });
}

function PlanDocument({ plan, dates }: { plan: PlanExport; dates: DateContext }) {
  const day = (d: string) => formatCalendarDate(d, "short-date", dates);
  return (
    <main>
      <p className="kicker">Improvement plan · Confidential</p>
      <h1>{plan.schoolName}</h1>
      <p className="facts">
        School year {plan.yearLabel}. Exported on {plan.exportedOn}.
      </p>
      {!plan.started ? <p className="empty">The school has not started a plan for this school year.</p> : null}
      <section className="step">
        <h2>Self-evaluation</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">Area</th>
              <th scope="col">Judgement</th>
              <th scope="col">Evidence</th>
            </tr>
          </thead>
          <tbody>
            {plan.evaluations.map((e) => (
              <tr key={e.area}>
                <td>{areaLabel(e.area, plan.terminology)}</td>
                <td>{e.judgement ? judgementLabel(e.judgement, plan.terminology) : "Not judged yet"}</td>
                <td style={{ whiteSpace: "pre-line" }}>{e.evidence}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {plan.priorities.map((p, i) => (
        <section className="step" key={i}>
          <h2>
            Priority {i + 1}: {p.title}
          </h2>
          <p className="facts">{areaLabel(p.area, plan.terminology)}</p>
          {p.rationale ? <p>{p.rationale}</p> : null}
          <h3>Targets</h3>
          {p.targets.length === 0 ? (
            <p className="empty">No targets yet.</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">Measure</th>
                  <th scope="col">Pupils</th>
                  <th scope="col" className="num">
                    Baseline
                  </th>
                  <th scope="col" className="num">
                    Target
                  </th>
                  <th scope="col" className="num">
                    Latest
                  </th>
                  <th scope="col">By</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {p.targets.map((t, j) => (
                  <tr key={j}>
                    <td>{t.measure}</td>
                    <td>{t.studentGroup}</td>
                    <td className="num">{t.baseline}</td>
                    <td className="num">{t.target}</td>
                    <td className="num">{t.actual ?? "–"}</td>
                    <td>{day(t.byWhen)}</td>
                    <td>{targetStatusLabels[t.status]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h3>Actions</h3>
          {p.actions.length === 0 ? (
            <p className="empty">No actions yet.</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">Action</th>
                  <th scope="col">Who</th>
                  <th scope="col">Due</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {p.actions.map((a, j) => (
                  <tr key={j}>
                    <td>{a.description}</td>
                    <td>{a.owner}</td>
                    <td>{day(a.due)}</td>
                    <td>{actionStatusLabels[a.status]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {p.updates.length > 0 ? (
            <>
              <h3>Progress</h3>
              {p.updates.map((u, j) => (
                <p key={j}>
                  <strong>
                    {u.on}
                    {u.authorName ? `, ${u.authorName}` : ""}:
                  </strong>{" "}
                  {u.body}
                </p>
              ))}
            </>
          ) : null}
          {p.inquiries.length > 0 ? <p>Inquiries linked to this priority: {p.inquiries.join(", ")}.</p> : null}
        </section>
      ))}
    </main>
  );
}
