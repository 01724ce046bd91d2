import ipaddr from "ipaddr.js";

/**
 * Which addresses the server may fetch a link preview from. Only public unicast addresses pass:
 * anything private, loopback, link-local (169.254.169.254 is the cloud metadata service),
 * unique-local, multicast, reserved, carrier-grade NAT, or an IPv6 form that carries an IPv4
 * address inside (IPv4-mapped, NAT64, 6to4, Teredo) is refused, so a resource link can never make
 * the server reach into its own network.
 */
const rangeWords: Record<string, string> = {
  private: "a private network address",
  loopback: "this server's own address (loopback)",
  linkLocal: "a link-local address (such as the cloud metadata service)",
  uniqueLocal: "a private IPv6 address (unique-local)",
  multicast: "a multicast address",
  unspecified: "an unspecified address",
  broadcast: "a broadcast address",
  carrierGradeNat: "a shared (carrier-grade NAT) address",
  ipv4Mapped: "an IPv4 address written as IPv6 (IPv4-mapped)",
};

/** Why this IP address may not be fetched, or null when it is a public address. */
export function refusalFor(address: string): string | null {
  let ip: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    // A zone id ("fe80::1%eth0") is link-local whatever it says.
    if (address.includes("%")) return rangeWords.linkLocal;
    ip = ipaddr.parse(address);
  } catch {
    return "an address that is not a valid IP address";
  }
  const range = ip.range();
  if (range === "unicast") return null;
  return `${rangeWords[range] ?? `a reserved address (${range})`}: ${address}`;
}

/** One allow-list entry: a host name or IP, with a port or any port. */
export type AllowedHost = { host: string; port: string | null };

/**
 * Reads the allow-list ("127.0.0.1:4321,localhost"): hosts the server may fetch previews from even
 * though their address is not public (tests' fixture server, an intranet by choice). Throws with a
 * message naming the bad entry.
 */
export function parseAllowHosts(raw: string): AllowedHost[] {
  return raw
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      let url: URL;
      try {
        url = new URL(`http://${entry}`);
      } catch {
        throw new Error(`"${entry}" is not a host or host:port`);
      }
      if (url.pathname !== "/" || url.username || url.search) throw new Error(`"${entry}" is not a host or host:port`);
      const port = /:\d+$/.test(entry) ? entry.slice(entry.lastIndexOf(":") + 1) : null;
      return { host: url.hostname.toLowerCase(), port };
    });
}

/** Whether a URL's host (and port) is on the allow-list. The port counts when the entry names one. */
export function isAllowListed(url: URL, allow: readonly AllowedHost[]): boolean {
  const port = url.port || (url.protocol === "https:" ? "443" : "80");
  return allow.some((a) => a.host === url.hostname.toLowerCase() && (a.port === null || a.port === port));
}
