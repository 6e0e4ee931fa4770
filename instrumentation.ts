/**
 * Runs once when the server starts, before it answers (Next.js's `register` hook): the check of
 * methods and addresses in front of every route with the chat lane, the client-address and logging hooks, then the
 * share database and the Markdown workers. All are Node-only, hence the runtime check and the
 * dynamic imports.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installFrontDoor } = await import("./lib/http/front-door");
  // In production `POST /api/chat` skips Next's routing; `next dev` keeps the route, which reloads.
  const lanes = process.env.NODE_ENV === "production" ? [(await import("./lib/server/chat-lane")).chatLane] : [];
  installFrontDoor(lanes);
  const { startServer } = await import("./lib/server/startup");
  startServer();
  const { prepareShares } = await import("./lib/shares/startup");
  await prepareShares();
}
