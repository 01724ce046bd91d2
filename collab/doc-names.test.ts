import { describe, expect, it } from "vitest";
import { documentKinds, documentName, parseDocumentName } from "./doc-names";

const id = "0f8fad5b-d9cb-469f-a165-70867728950e";

describe("document names", () => {
  it("parses <kind>.<uuid> for every kind and round-trips", () => {
    for (const kind of documentKinds) {
      expect(parseDocumentName(documentName(kind, id))).toEqual({ kind, id, name: `${kind}.${id}` });
    }
  });

  it("knows the community room (one per community, for gatherings)", () => {
    expect(parseDocumentName(`community-room.${id.toUpperCase()}`)).toEqual({
      kind: "community-room",
      id,
      name: `community-room.${id}`,
    });
  });

  it("rejects unknown kinds, bad ids and extra parts", () => {
    for (const bad of ["", "inquiry", `nope.${id}`, "inquiry.123", `inquiry.${id}.x`, `.${id}`, `inquiry.${id}/../x`]) {
      expect(parseDocumentName(bad)).toBeNull();
    }
  });
});
