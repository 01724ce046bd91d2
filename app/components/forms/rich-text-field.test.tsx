import { renderToString } from "react-dom/server";
import { RichTextField } from "./rich-text-field";

/** What the server sends, and what a browser without JavaScript keeps: a plain, labelled textarea. */
const render = (errors?: string[]) =>
  renderToString(
    <RichTextField
      label="What are the key factors?"
      hint="Say what makes the difference."
      placeholder="What is making the difference, for better or worse."
      errors={errors}
      textareaProps={{
        id: "visit-part-keyFactors",
        name: "keyFactors",
        defaultValue: "## Kept\n\n- as typed",
        required: true,
      }}
    />,
  );

describe("RichTextField before scripts run", () => {
  it("is a labelled textarea holding the Markdown, sent under the field's name", () => {
    const html = render();
    expect(html).toMatch(/<label[^>]*for="visit-part-keyFactors"[^>]*>What are the key factors\?<\/label>/);
    expect(html).toMatch(/<textarea[^>]*name="keyFactors"/);
    expect(html).toMatch(/<textarea[^>]*aria-describedby="visit-part-keyFactors-hint"/);
    expect(html).toContain("## Kept\n\n- as typed</textarea>");
    // No editor or toolbar until the page runs: nothing that would not work without JavaScript.
    expect(html).not.toContain('role="toolbar"');
    expect(html).not.toContain("sr-only");
  });

  it("marks the textarea invalid and names the error after a refused save", () => {
    const html = render(["Answer: what are the key factors?"]);
    expect(html).toMatch(/<textarea[^>]*aria-invalid="true"/);
    expect(html).toMatch(/aria-describedby="visit-part-keyFactors-hint visit-part-keyFactors-error"/);
    expect(html).toContain("Answer: what are the key factors?");
  });
});
