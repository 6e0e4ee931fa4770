import { commentText, jsonValue } from "./literals";
import { mistralRequestBody, type PreparedPrompt } from "./prepare";

/**
 * The body goes through a quoted heredoc, so the shell expands nothing in it. The JSON escapes
 * line breaks inside strings and indents every line but the braces around it, so no line of the
 * body can be the bare delimiter.
 */
export function curlCode(prepared: PreparedPrompt): string {
  const body = jsonValue(mistralRequestBody(prepared));
  return [
    ...prepared.notes.map((note) => `# ${commentText(note)}`),
    `curl -sS --fail-with-body "\${MISTRAL_BASE_URL:-https://api.mistral.ai/v1}/chat/completions" \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -H "Accept: application/json" \\`,
    `  -H "Authorization: Bearer $MISTRAL_API_KEY" \\`,
    `  --data-binary @- <<'JSON'`,
    body,
    "JSON",
    "",
  ].join("\n");
}
