import { BlockList, isIP } from "node:net";

/**
 * Which `X-Forwarded-For` entries to believe: none (the header is ignored and the peer of the
 * connection is the client), a count of proxy hops in front of the app, or the proxies' CIDRs.
 */
export type TrustedProxies = { kind: "none" } | { kind: "hops"; hops: number } | { kind: "cidrs"; list: BlockList };

export type TrustedProxiesResult = { ok: true; value: TrustedProxies } | { ok: false; error: string };

/** `TRUSTED_PROXIES`: empty, a number of hops (`1`), or CIDRs and addresses (`10.0.0.0/8, ::1`). */
export function parseTrustedProxies(value: string | undefined): TrustedProxiesResult {
  const text = value?.trim() ?? "";
  if (text === "" || text === "0") return { ok: true, value: { kind: "none" } };
  if (/^\d+$/.test(text)) return { ok: true, value: { kind: "hops", hops: Number(text) } };
  const list = new BlockList();
  for (const entry of text.split(",").map((part) => part.trim())) {
    const [address = "", prefix] = entry.split("/");
    const family = isIP(address);
    const bits = prefix === undefined ? (family === 6 ? 128 : 32) : Number(prefix);
    if (family === 0 || !Number.isInteger(bits) || bits < 0 || bits > (family === 6 ? 128 : 32)) {
      return { ok: false, error: `TRUSTED_PROXIES: ${JSON.stringify(entry)} is neither a hop count nor a CIDR` };
    }
    list.addSubnet(address, bits, family === 6 ? "ipv6" : "ipv4");
  }
  return { ok: true, value: { kind: "cidrs", list } };
}

/**
 * The client's address. The chain is every `X-Forwarded-For` entry followed by the peer of the
 * connection; each trusted proxy appended the address it saw, so the client is the first entry,
 * read from the right, that no trusted proxy wrote. Anything left of it may be forged.
 */
export function resolveClientAddress(
  forwardedFor: string | null | undefined,
  peer: string | undefined,
  trusted: TrustedProxies,
): string {
  const peerAddress = normalise(peer ?? "") || "unknown";
  if (trusted.kind === "none") return peerAddress;
  const chain = [
    ...(forwardedFor ?? "")
      .split(",")
      .map((entry) => normalise(entry))
      .filter(Boolean),
    peerAddress,
  ];
  if (trusted.kind === "hops") return chain[Math.max(0, chain.length - 1 - trusted.hops)] ?? peerAddress;
  for (let index = chain.length - 1; index >= 0; index -= 1) {
    const address = chain[index] ?? "";
    const family = isIP(address);
    if (family === 0 || !trusted.list.check(address, family === 6 ? "ipv6" : "ipv4")) return address;
  }
  return chain[0] ?? peerAddress;
}

/** `::ffff:127.0.0.1` is 127.0.0.1: one client, one key, whichever socket family it came in on. */
function normalise(address: string): string {
  const trimmed = address.trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return mapped?.[1] ?? trimmed;
}
