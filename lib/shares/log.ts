/**
 * Logs a failed share operation by the error's class chain and PostgreSQL's SQLSTATE code, with
 * the share id: never the messages, which quote the failing query and its parameters (the whole
 * transcript).
 */
export function logShareFailure(action: string, shareId: string | null, error: unknown): void {
  console.error(`[shares] ${action} failed (share ${shareId ?? "-"}): ${describeError(error)}`);
}

function describeError(error: unknown): string {
  const chain: string[] = [];
  for (let current = error, depth = 0; current !== undefined && depth < 5; depth += 1) {
    if (!(current instanceof Error)) {
      chain.push(typeof current);
      break;
    }
    const code = (current as { code?: unknown }).code;
    chain.push(typeof code === "string" && /^[A-Z0-9_]{1,32}$/.test(code) ? `${current.name} ${code}` : current.name);
    current = current.cause;
  }
  return chain.join(" ← ");
}
