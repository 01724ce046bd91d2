import { dotsLabel, linkSummary } from "./inquiry-markdown";
import type { InquiryExport } from "./inquiry-data";
import { hmwStatusLabel, STEP_TITLES } from "./inquiry-words";
import { Blocks, printDocument } from "./print-document.server";

/**
 * The inquiry as a print document for the PDF: every step under a numbered heading, the board as a
 * table per category with each note's dots, the chosen question set apart and labelled as chosen
 * (not by colour alone), and the plan priorities the members linked.
 */
export function inquiryPrintHtml(data: InquiryExport, lang: string): string {
  return printDocument({
    title: `${data.communityName}: our inquiry`,
    lang,
    header: `${data.communityName} · our inquiry`,
    body: <InquiryDocument data={data} />,
  });
}

/** A step of written sections (stories, needs, peer checks): each under its writer's name. */
function WrittenStep({
  heading,
  parts,
  empty,
}: {
  heading: string;
  parts: Array<{ title: string; blocks: Parameters<typeof Blocks>[0]["blocks"] }>;
  empty?: string;
}) {
  return (
    <section className="step">
      <h2>{heading}</h2>
      {parts.length === 0 && empty ? <p className="empty">{empty}</p> : null}
      {parts.map((part, i) => (
        <div key={i}>
          <h3>{part.title}</h3>
          <Blocks blocks={part.blocks} />
        </div>
      ))}
    </section>
  );
}

function InquiryDocument({ data }: { data: InquiryExport }) {
  const chosen = data.questions.find((q) => q.status === "chosen");
  return (
    <main>
      <p className="kicker">Community of practice inquiry</p>
      <h1>{data.communityName}: our inquiry</h1>
      <p className="facts">
        {data.cohortName}. Exported on {data.exportedOn}.
      </p>
      <WrittenStep
        heading={`1. ${STEP_TITLES.stories}`}
        parts={data.stories.map((s) => ({ title: s.name, blocks: s.blocks }))}
      />
      <WrittenStep
        heading={`2. ${STEP_TITLES.needed}`}
        parts={data.needed.map((s) => ({ title: s.name, blocks: s.blocks }))}
      />
      <WrittenStep
        heading={`3. ${STEP_TITLES.peerCheck}`}
        parts={data.peerChecks.map((p) => ({ title: p.names.join(" and "), blocks: p.blocks }))}
        empty="No pairs yet."
      />
      <section className="step">
        <h2>4. {STEP_TITLES.board}</h2>
        {data.board.problem ? <p>Problem: {data.board.problem}</p> : null}
        {data.board.columns.map((column) => (
          <table key={column.category}>
            <caption>{column.label}</caption>
            <thead>
              <tr>
                <th scope="col">Note</th>
                <th scope="col">Group</th>
                <th scope="col">Written by</th>
                <th scope="col" className="num">
                  Dots
                </th>
              </tr>
            </thead>
            <tbody>
              {column.groups.flatMap((g) =>
                g.notes.map((n, i) => (
                  <tr key={`${g.name ?? ""}-${i}`}>
                    <td>{n.text}</td>
                    <td>{g.name ?? ""}</td>
                    <td>{n.authorName}</td>
                    <td className="num">{n.dots}</td>
                  </tr>
                )),
              )}
              {column.groups.every((g) => g.notes.length === 0) ? (
                <tr>
                  <td colSpan={4} className="empty">
                    No notes.
                  </td>
                </tr>
              ) : null}
            </tbody>
          </table>
        ))}
      </section>
      <section className="step">
        <h2>5. {STEP_TITLES.questions}</h2>
        {chosen ? (
          <p className="chosen">
            <span className="kicker">Our inquiry question (chosen)</span>
            {chosen.text}
          </p>
        ) : (
          <p className="empty">The group has not chosen its question yet.</p>
        )}
        {data.questions.length > 0 ? (
          <ul>
            {data.questions.map((q, i) => (
              <li key={i}>
                {q.text} ({hmwStatusLabel[q.status]}; {q.authorName}; {dotsLabel(q.dots)})
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <section className="step">
        <h2>6. {STEP_TITLES.plan}</h2>
        {data.links.length === 0 ? <p className="empty">No member leads a school.</p> : null}
        <ul>
          {data.links.map((l, i) => (
            <li key={i}>
              {l.memberName}, {l.schoolName}: {linkSummary(l, (t) => t)}
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
