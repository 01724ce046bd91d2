import { forbidden, invariantResponse, notFound, requireIdParam, safeRedirectPath } from "./http.server";

function thrownResponse(fn: () => unknown): Response {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(Response);
    return error as Response;
  }
  throw new Error("expected a Response to be thrown");
}

describe("safeRedirectPath", () => {
  it.each(["/dashboard?x=1", "/schools/123#top", "/"])("keeps our own path %s", (to) => {
    expect(safeRedirectPath(to)).toBe(to);
  });

  it.each([
    "//evil.example",
    "//evil.example/dashboard",
    "/\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\t\\evil.example",
    "https://evil.example/",
    "http:/evil.example",
    "javascript:alert(1)",
    "dashboard",
    "",
  ])("refuses %j", (to) => {
    expect(safeRedirectPath(to)).toBe("/dashboard");
  });

  it("refuses non-strings and uses the given fallback", () => {
    expect(safeRedirectPath(null)).toBe("/dashboard");
    expect(safeRedirectPath(undefined, "/home")).toBe("/home");
    expect(safeRedirectPath(new File(["/admin"], "x.txt"), "/home")).toBe("/home");
  });
});

describe("requireIdParam", () => {
  it("returns a uuid, in either case", () => {
    const id = "3f2b8c1e-7a4d-4e9b-9c2a-1d5e6f7a8b9c";
    expect(requireIdParam(id)).toBe(id);
    expect(requireIdParam(id.toUpperCase())).toBe(id.toUpperCase());
  });

  it.each([
    undefined,
    "",
    "123",
    "not-a-uuid",
    "3f2b8c1e-7a4d-4e9b-9c2a-1d5e6f7a8b9c0",
    " 3f2b8c1e-7a4d-4e9b-9c2a-1d5e6f7a8b9c",
    "3f2b8c1e7a4d4e9b9c2a1d5e6f7a8b9c",
  ])("throws a 404 for %j", async (value) => {
    const response = thrownResponse(() => requireIdParam(value));
    expect(response.status).toBe(404);
    expect(await response.text()).toBe("Not found");
  });
});

describe("response helpers", () => {
  it("invariantResponse passes when the condition holds and throws the status otherwise", async () => {
    expect(() => invariantResponse(1, "never")).not.toThrow();
    const response = thrownResponse(() => invariantResponse(0, "Bad input", 422));
    expect(response.status).toBe(422);
    expect(response.headers.get("Content-Type")).toContain("text/plain");
    expect(await response.text()).toBe("Bad input");
    expect(thrownResponse(() => invariantResponse(null, "x")).status).toBe(400);
  });

  it("notFound and forbidden throw 404 and 403 in plain words", async () => {
    expect(thrownResponse(() => notFound()).status).toBe(404);
    const response = thrownResponse(() => forbidden());
    expect(response.status).toBe(403);
    expect(await response.text()).toBe("You do not have permission to do that.");
    expect(await thrownResponse(() => forbidden("Admins only.")).text()).toBe("Admins only.");
  });
});
