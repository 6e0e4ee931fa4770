import http from "node:http";

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  ms: number;
}

/**
 * One request exactly as written: fetch refuses TRACE and normalises paths, and hostile input
 * has to reach the server as sent.
 */
export function rawRequest(
  port: number,
  {
    method,
    path,
    headers = {},
    body,
  }: { method: string; path: string; headers?: http.OutgoingHttpHeaders; body?: string | Buffer },
): Promise<RawResponse> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.request({ host: "127.0.0.1", port, method, path, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks).toString("utf8"),
          ms: performance.now() - started,
        }),
      );
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end(body);
  });
}

/**
 * Posts `body` to /api/chat and leaves (destroys the connection) as soon as the first text delta
 * arrives, like a closed tab.
 */
export function leaveMidAnswer(port: number, body: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: "127.0.0.1", port, method: "POST", path: "/api/chat", headers: { "content-type": "application/json" } },
      (response) => {
        response.on("data", (chunk: Buffer) => {
          if (!chunk.toString("utf8").includes('"type":"text-delta"')) return;
          request.destroy();
          resolve();
        });
        response.on("error", () => undefined);
      },
    );
    request.on("error", (error) => (request.destroyed ? undefined : reject(error)));
    request.end(body);
  });
}
