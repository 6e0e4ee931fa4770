// Mistral's answer passed through as bytes: what any route adds at the least.
export async function POST(req: Request) {
  const upstream = await fetch(`${process.env.MISTRAL_BASE_URL}/chat/completions`, {
    method: "POST",
    headers: { authorization: `Bearer ${process.env.MISTRAL_API_KEY}`, "content-type": "application/json" },
    body: req.body,
    duplex: "half",
    signal: req.signal,
  } as RequestInit);
  return new Response(upstream.body, {
    status: upstream.status,
    headers: { "content-type": upstream.headers.get("content-type") ?? "text/event-stream" },
  });
}
