import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface MockIssuer {
  url: string;
  /** Token requests that carried the right client id, secret, code and PKCE verifier. */
  tokenRequests: number;
  close(): Promise<void>;
}

/**
 * A small OpenID Connect issuer: discovery, an authorization endpoint that signs in `user` at
 * once, a token endpoint that checks the client, the code and the PKCE verifier, and userinfo.
 */
export async function startMockIssuer(client: { id: string; secret: string }, user: Record<string, unknown>) {
  const codes = new Map<string, { challenge: string }>();
  let base = "";
  const issuer: MockIssuer = {
    url: "",
    tokenRequests: 0,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", base);
    const json = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    };
    if (url.pathname === "/.well-known/openid-configuration") {
      return json(200, {
        issuer: base,
        authorization_endpoint: `${base}/authorize`,
        token_endpoint: `${base}/token`,
        userinfo_endpoint: `${base}/userinfo`,
        response_types_supported: ["code"],
        subject_types_supported: ["public"],
        id_token_signing_alg_values_supported: ["RS256"],
        code_challenge_methods_supported: ["S256"],
      });
    }
    if (url.pathname === "/authorize") {
      if (url.searchParams.get("client_id") !== client.id) return json(400, { error: "invalid_client" });
      const code = `code-${codes.size + 1}`;
      codes.set(code, { challenge: url.searchParams.get("code_challenge") ?? "" });
      const back = new URL(url.searchParams.get("redirect_uri") ?? "");
      back.searchParams.set("code", code);
      back.searchParams.set("state", url.searchParams.get("state") ?? "");
      response.writeHead(302, { location: back.href }).end();
      return;
    }
    if (url.pathname === "/token" && request.method === "POST") {
      let text = "";
      request.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
      request.on("end", () => {
        void (async () => {
          const form = new URLSearchParams(text);
          const basic = /^Basic (.+)$/.exec(request.headers.authorization ?? "")?.[1];
          const [id, secret] = basic
            ? Buffer.from(basic, "base64").toString("utf8").split(":").map(decodeURIComponent)
            : [form.get("client_id"), form.get("client_secret")];
          const issued = codes.get(form.get("code") ?? "");
          const verifier = form.get("code_verifier") ?? "";
          const digest = Buffer.from(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier)));
          if (
            id !== client.id ||
            secret !== client.secret ||
            !issued ||
            digest.toString("base64url") !== issued.challenge
          ) {
            return json(400, { error: "invalid_grant" });
          }
          codes.delete(form.get("code") ?? "");
          issuer.tokenRequests += 1;
          json(200, {
            access_token: "mock-access-token",
            token_type: "Bearer",
            expires_in: 3600,
            scope: "openid email profile",
          });
        })();
      });
      return;
    }
    if (url.pathname === "/userinfo") {
      if (request.headers.authorization !== "Bearer mock-access-token") return json(401, { error: "invalid_token" });
      return json(200, user);
    }
    json(404, { error: "not_found" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  issuer.url = base;
  return issuer;
}
