import { describe, expect, it } from "vitest";
import { documentName, parseDocumentName } from "./doc-names";

const id = "0f8fad5b-d9cb-469f-a165-70867728950e";

describe("document names", () => {
  it("parses <kind>.<uuid> for every kind and round-trips", () => {
    for (const kind of ["inquiry", "root-cause-board", "hmw", "playlist", "session-notes"] as const) {
      expect(parseDocumentName(documentName(kind, id))).toEqual({ kind, id, name: `${kind}.${id}` });
    }
  });

  it("rejects unknown kinds, bad ids and extra parts", () => {
    for (const bad of ["", "inquiry", `nope.${id}`, "inquiry.123", `inquiry.${id}.x`, `.${id}`, `inquiry.${id}/../x`]) {
      expect(parseDocumentName(bad)).toBeNull();
    }
  });
});
