/**
 * The least any relay in Node.js can add: a plain `node:http` server that forwards each request's
 * body to the fake and passes Mistral's answer back as bytes, through a keep-alive agent, with no
 * framework, parsing or checks. /api/chat is served the same way (lib/server/chat-lane.ts), so
 * this, not a Next.js route, is its floor.
 *
 * Run as a child of the benchmark: `NODE_PIPE_PORT` to listen on, `MISTRAL_BASE_URL` to forward to.
 */
import http from "node:http";

const upstream = new URL(`${process.env.MISTRAL_BASE_URL}/chat/completions`);
const agent = new http.Agent({ keepAlive: true, timeout: 4_000 });

const server = http.createServer((request, response) => {
  const forward = http.request(
    upstream,
    {
      method: "POST",
      agent,
      headers: {
        authorization: `Bearer ${process.env.MISTRAL_API_KEY}`,
        "content-type": "application/json",
        ...(request.headers["content-length"] ? { "content-length": request.headers["content-length"] } : {}),
      },
    },
    (answer) => {
      response.writeHead(answer.statusCode ?? 502, {
        "content-type": answer.headers["content-type"] ?? "text/event-stream",
      });
      answer.pipe(response);
    },
  );
  forward.on("error", () => response.destroy());
  response.on("close", () => forward.destroy());
  request.pipe(forward);
});
server.listen(Number(process.env.NODE_PIPE_PORT), "127.0.0.1");
