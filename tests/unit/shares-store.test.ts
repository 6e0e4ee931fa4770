import { afterEach, describe, expect, it, vi } from "vitest";
import { emptySharesMessage, migrateShares, SHARES_VERSION, useShares } from "@/lib/store/shares-store";

const share = {
  id: "AAAAAAAAAAAAAAAAAAAAAA",
  title: "Weather in Paris",
  createdAt: "2026-01-01T12:00:00.000Z",
  deleteToken: "token-1",
};
const other = { ...share, id: "BBBBBBBBBBBBBBBBBBBBBB", title: "天気", deleteToken: "token-2" };

describe("migrateShares", () => {
  it("keeps a valid state as it is", () => {
    expect(migrateShares({ shares: [share, other], everShared: true }, SHARES_VERSION)).toEqual({
      shares: [share, other],
      everShared: true,
    });
    expect(migrateShares({ shares: [], everShared: true }, SHARES_VERSION)).toEqual({ shares: [], everShared: true });
  });

  it("from version 1: shares kept mean something was shared; none say nothing either way", () => {
    expect(migrateShares({ shares: [share] }, 1)).toEqual({ shares: [share], everShared: true });
    expect(migrateShares({ shares: [] }, 1)).toEqual({ shares: [], everShared: false });
  });

  it("starts empty from nothing, or from state that is not an object with a list", () => {
    for (const persisted of [undefined, null, "text", 42, [], {}, { shares: "no" }]) {
      expect(migrateShares(persisted, SHARES_VERSION)).toEqual({ shares: [], everShared: false });
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
    expect(migrateShares(persisted, SHARES_VERSION)).toEqual({ shares: [share, other], everShared: true });
  });

  it("keeps the first of two entries with one id", () => {
    const persisted = { shares: [share, { ...share, title: "A later copy" }] };
    expect(migrateShares(persisted, SHARES_VERSION).shares).toEqual([share]);
  });

  it("drops fields it does not know, keeping the rest of the entry", () => {
    const persisted = { shares: [{ ...share, url: "/s/x", extra: true }], lastOpened: 3 };
    expect(migrateShares(persisted, SHARES_VERSION)).toEqual({ shares: [share], everShared: true });
  });
});

describe("an empty My shares", () => {
  it("says whether nothing was shared or everything was revoked, for this browser or the account", () => {
    expect(emptySharesMessage({ everShared: false, owner: "browser" })).toBe("Nothing shared from this browser yet.");
    expect(emptySharesMessage({ everShared: true, owner: "browser" })).toBe(
      "No shares left: the ones made in this browser were revoked, and their links no longer open.",
    );
    expect(emptySharesMessage({ everShared: false, owner: "account" })).toBe("Nothing shared from your account yet.");
    expect(emptySharesMessage({ everShared: true, owner: "account" })).toBe(
      "No shares left: your account's shares were revoked, and their links no longer open.",
    );
  });
});

describe("refreshShares", () => {
  afterEach(() => vi.unstubAllGlobals());

  function answerLookup(body: unknown) {
    vi.stubGlobal("fetch", async () => new Response(JSON.stringify(body), { status: 200 }));
  }

  it("speaks of the account when the server lists the account's shares, and of this browser otherwise", async () => {
    useShares.setState({ shares: [share], everShared: true, owner: "browser" });
    answerLookup({ shares: [], owned: [] });
    expect(await useShares.getState().refreshShares()).toEqual({ ok: true, value: undefined });
    expect(useShares.getState()).toMatchObject({ shares: [], owner: "account", everShared: true });
    expect(emptySharesMessage(useShares.getState())).toBe(
      "No shares left: your account's shares were revoked, and their links no longer open.",
    );

    answerLookup({ shares: [] });
    await useShares.getState().refreshShares();
    expect(useShares.getState().owner).toBe("browser");
  });

  it("counts the account's shares from other browsers as shared", async () => {
    useShares.setState({ shares: [], everShared: false, owner: "browser" });
    answerLookup({ shares: [], owned: [{ id: other.id, title: other.title, createdAt: other.createdAt }] });
    await useShares.getState().refreshShares();
    expect(useShares.getState()).toMatchObject({ everShared: true, owner: "account" });
    expect(useShares.getState().shares.map((s) => s.title)).toEqual(["天気"]);
  });
});
