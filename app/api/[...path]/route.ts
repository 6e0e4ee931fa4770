import { jsonError } from "@/lib/http/errors";

export const runtime = "nodejs";

/** Any address under /api that no route answers: a JSON 404 like every other API error. */
function notFound(): Response {
  return jsonError(404, "not_found", "There is no API at this address. Check the path.");
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
