import { describe, expect, it } from "vitest";
import { migrateShares, SHARES_VERSION } from "@/lib/store/shares-store";

const share = {
  id: "AAAAAAAAAAAAAAAAAAAAAA",
  title: "Weather in Paris",
  createdAt: "2026-01-01T12:00:00.000Z",
  deleteToken: "token-1",
};
const other = { ...share, id: "BBBBBBBBBBBBBBBBBBBBBB", title: "天気", deleteToken: "token-2" };

describe("migrateShares", () => {
  it("keeps a valid version 1 state as it is", () => {
    expect(migrateShares({ shares: [share, other] }, SHARES_VERSION)).toEqual({ shares: [share, other] });
  });

  it("starts empty from nothing, or from state that is not an object with a list", () => {
    for (const persisted of [undefined, null, "text", 42, [], {}, { shares: "no" }]) {
      expect(migrateShares(persisted, SHARES_VERSION)).toEqual({ shares: [] });
    }
  });

  it("drops only the entries that do not parse, so the other delete tokens survive", () => {
    const persisted = {
      shares: [
        share,
        { ...other, deleteToken: "" },
        { ...other, id: "not-a-share-id" },
        { ...other, title: 7 },
        "junk",
        other,
      ],
    };
    expect(migrateShares(persisted, SHARES_VERSION)).toEqual({ shares: [share, other] });
  });

  it("keeps the first of two entries with one id", () => {
    const persisted = { shares: [share, { ...share, title: "A later copy" }] };
    expect(migrateShares(persisted, SHARES_VERSION).shares).toEqual([share]);
  });

  it("drops fields it does not know, keeping the rest of the entry", () => {
    const persisted = { shares: [{ ...share, url: "/s/x", extra: true }], lastOpened: 3 };
    expect(migrateShares(persisted, SHARES_VERSION)).toEqual({ shares: [share] });
  });
});
