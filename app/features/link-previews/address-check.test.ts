import { describe, expect, it } from "vitest";
import { isAllowListed, parseAllowHosts, refusalFor } from "./address-check";

describe("refusalFor", () => {
  it.each([
    ["127.0.0.1", /loopback/],
    ["10.1.2.3", /private network/],
    ["192.168.0.10", /private network/],
    ["172.16.5.4", /private network/],
    ["169.254.169.254", /link-local/],
    ["100.64.0.1", /carrier-grade/],
    ["0.0.0.0", /unspecified/],
    ["224.0.0.1", /multicast/],
    ["192.0.2.1", /reserved/],
    ["::1", /loopback/],
    ["::ffff:127.0.0.1", /IPv4-mapped/],
    ["::ffff:8.8.8.8", /IPv4-mapped/],
    ["fd00::1", /unique-local/],
    ["fe80::1", /link-local/],
    ["fe80::1%eth0", /link-local/],
    ["64:ff9b::7f00:1", /reserved/],
    ["2002:7f00:1::", /reserved/],
    ["not-an-ip", /not a valid IP/],
  ])("refuses %s", (address, reason) => {
    expect(refusalFor(address)).toMatch(reason);
  });

  it.each(["8.8.8.8", "93.184.216.34", "2606:4700::1111"])("lets the public address %s through", (address) => {
    expect(refusalFor(address)).toBeNull();
  });
});

describe("the allow-list", () => {
  const allow = parseAllowHosts(" 127.0.0.1:4321, intranet.example ");

  it("matches a host with its port, or any port when none is named", () => {
    expect(isAllowListed(new URL("http://127.0.0.1:4321/a"), allow)).toBe(true);
    expect(isAllowListed(new URL("http://127.0.0.1:4322/a"), allow)).toBe(false);
    expect(isAllowListed(new URL("http://localhost:4321/a"), allow)).toBe(false);
    expect(isAllowListed(new URL("https://INTRANET.example/x"), allow)).toBe(true);
    expect(isAllowListed(new URL("http://intranet.example:8080/x"), allow)).toBe(true);
  });

  it("is empty when unset and refuses an entry that is not a host", () => {
    expect(parseAllowHosts("")).toEqual([]);
    expect(() => parseAllowHosts("http://x.example/path")).toThrow(/not a host/);
  });
});
