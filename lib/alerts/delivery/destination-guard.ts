import { lookup as dnsLookup } from "node:dns/promises";
import ipaddr from "ipaddr.js";

/**
 * Server-side request forgery guard for alert destinations. A channel URL must be http(s) and
 * every address its host resolves to must be public unicast: loopback, private, link-local
 * (which includes the 169.254.169.254 cloud metadata endpoint), unique-local, CGNAT, multicast
 * and reserved ranges are refused, unless the host is listed in SIGHTLINE_WEBHOOK_ALLOW_HOSTS.
 * It runs when a channel is created and again before every delivery (DNS can change), and the
 * delivery then connects to the address checked here, so a rebinding answer cannot slip in
 * between the check and the connection.
 */
export type Resolver = (host: string) => Promise<{ address: string; family: number }[]>;

export type DestinationCheck =
  | { ok: true; url: URL; address: string; family: number }
  | { ok: false; reason: string };

export interface GuardOptions {
  allowHosts?: string[];
  resolve?: Resolver;
}

/** Hosts from SIGHTLINE_WEBHOOK_ALLOW_HOSTS (comma-separated, case-insensitive). */
export function allowedHosts(raw = process.env.SIGHTLINE_WEBHOOK_ALLOW_HOSTS ?? ""): string[] {
  return raw.split(",").map((h) => normaliseHost(h.trim())).filter((h) => h !== "");
}

export async function checkDestination(raw: string, opts: GuardOptions = {}): Promise<DestinationCheck> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: "not a valid URL" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { ok: false, reason: `scheme ${url.protocol.replace(":", "")} is not allowed (http or https only)` };
  if (url.username || url.password) return { ok: false, reason: "credentials in the URL are not allowed" };
  const host = normaliseHost(url.hostname);
  const allowed = (opts.allowHosts ?? allowedHosts()).includes(host);
  let addresses: { address: string; family: number }[];
  try {
    addresses = ipaddr.isValid(host) ? [{ address: host, family: host.includes(":") ? 6 : 4 }] : await (opts.resolve ?? systemResolve)(host);
  } catch (err) {
    return { ok: false, reason: `host ${host} does not resolve (${(err as NodeJS.ErrnoException).code ?? "error"})` };
  }
  if (addresses.length === 0) return { ok: false, reason: `host ${host} does not resolve` };
  if (!allowed) {
    for (const a of addresses) {
      const range = addressRange(a.address);
      if (range !== "unicast") {
        return { ok: false, reason: `host ${host} resolves to ${a.address} (${range}); add it to SIGHTLINE_WEBHOOK_ALLOW_HOSTS to allow it` };
      }
    }
  }
  return { ok: true, url, address: addresses[0].address, family: addresses[0].family };
}

/** ipaddr.js's range name; IPv4-mapped IPv6 (::ffff:10.0.0.1) is judged as the IPv4 address. */
export function addressRange(address: string): string {
  const parsed = ipaddr.process(address);
  return parsed.range();
}

function normaliseHost(h: string): string {
  return h.toLowerCase().replace(/^\[|\]$/g, "").replace(/\.$/, "");
}

const systemResolve: Resolver = (host) => dnsLookup(host, { all: true, verbatim: true });
