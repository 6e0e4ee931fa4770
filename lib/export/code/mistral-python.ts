import { commentText, pythonValue } from "./literals";
import { mistralRequestBody, type PreparedPrompt } from "./prepare";

/** Mistral's Python SDK (`pip install mistralai`), with the texts rendered. */
export function mistralPythonCode(prepared: PreparedPrompt): string {
  const { model, messages, ...options } = mistralRequestBody(prepared);
  const parameters = prepared.snapshot.parameters;
  const lines = [
    "# pip install mistralai",
    ...prepared.notes.map((note) => `# ${commentText(note)}`),
    "import os",
    "",
    "try:",
    "    from mistralai.client import Mistral  # mistralai 2.x",
    "except ImportError:",
    "    from mistralai import Mistral  # mistralai 1.x",
    "",
    "# The SDK adds /v1 to the server URL itself.",
    'base_url = os.environ.get("MISTRAL_BASE_URL", "https://api.mistral.ai/v1")',
    "client = Mistral(",
    '    api_key=os.environ["MISTRAL_API_KEY"],',
    '    server_url=base_url.rstrip("/").removesuffix("/v1"),',
    ")",
    "",
  ];
  if (parameters.maxRetries > 0) {
    lines.push(
      `# The playground retries up to ${parameters.maxRetries} times. This SDK's retries are bounded by`,
      "# time, not count: pass retry_config=RetryConfig(...) to Mistral(...) to change them.",
    );
  }
  lines.push(
    "response = client.chat.complete(",
    `    model=${pythonValue(model, 4)},`,
    `    messages=${pythonValue(messages, 4)},`,
    ...Object.entries(options).map(([name, value]) => `    ${name}=${pythonValue(value, 4)},`),
    ")",
    "",
    "message = response.choices[0].message",
    "print(message.content)",
    ...(prepared.tools.length > 0 ? ["print(message.tool_calls)"] : []),
    "print(response.usage)",
    "",
  );
  return lines.join("\n");
}
