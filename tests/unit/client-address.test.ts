import { describe, expect, it } from "vitest";
import { parseTrustedProxies, resolveClientAddress, type TrustedProxies } from "@/lib/server/client-address";

function trusted(value: string | undefined): TrustedProxies {
  const parsed = parseTrustedProxies(value);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

describe("resolveClientAddress", () => {
  it("ignores X-Forwarded-For without TRUSTED_PROXIES: the peer is the client", () => {
    expect(resolveClientAddress("203.0.113.9", "198.51.100.7", trusted(undefined))).toBe("198.51.100.7");
    expect(resolveClientAddress(null, "::ffff:127.0.0.1", trusted(""))).toBe("127.0.0.1");
  });

  it("counts hops from the right, so a forged first entry is never chosen", () => {
    const oneHop = trusted("1");
    // The load balancer (peer 10.0.0.2) appended the address it saw; the client forged the rest.
    expect(resolveClientAddress("1.2.3.4, 203.0.113.9", "10.0.0.2", oneHop)).toBe("203.0.113.9");
    expect(resolveClientAddress("203.0.113.9", "10.0.0.2", oneHop)).toBe("203.0.113.9");
    expect(resolveClientAddress("198.51.100.1, 203.0.113.9", "10.0.0.2", trusted("2"))).toBe("198.51.100.1");
    // Fewer entries than hops: the leftmost is the best there is.
    expect(resolveClientAddress(null, "10.0.0.2", trusted("3"))).toBe("10.0.0.2");
  });

  it("skips addresses inside the trusted CIDRs, from the right", () => {
    const cidrs = trusted("10.0.0.0/8, 192.168.1.1, fd00::/8");
    expect(resolveClientAddress("1.2.3.4, 203.0.113.9, 10.1.2.3", "192.168.1.1", cidrs)).toBe("203.0.113.9");
    expect(resolveClientAddress("203.0.113.9", "::ffff:198.51.100.4", cidrs)).toBe("198.51.100.4");
    expect(resolveClientAddress("2001:db8::1", "fd12::1", cidrs)).toBe("2001:db8::1");
  });

  it("refuses a TRUSTED_PROXIES it cannot read", () => {
    expect(parseTrustedProxies("10.0.0.0/33").ok).toBe(false);
    expect(parseTrustedProxies("proxy.internal").ok).toBe(false);
    expect(trusted("0")).toEqual({ kind: "none" });
  });
});
