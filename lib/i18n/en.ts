/** English UI strings. Every string the UI shows lives here, so other languages can follow. */
export const en = {
  app: {
    title: "Mistral Playground",
    description: "Edit a conversation, run it on a Mistral model, watch it stream, see what it cost and share it.",
  },
  rules: {
    emptyConversation: "Add a user message before running: Mistral needs at least one message besides the system message.",
    systemNotFirst: "Message {n} is a system message; Mistral takes one system message, at the start. Use the System message box.",
    emptyMessage: "Message {n} is empty. Write something in it or delete it.",
    lastRole: "The conversation must end with a user message (or an assistant message to continue). Write in the User message box.",
    userAfterTool: "Message {n} is a user message right after a tool result; Mistral only accepts an assistant message there. Delete it or put an assistant message before it.",
    toolWithoutCall: "Message {n} is a tool result that answers no tool call of the assistant message before it. Delete it or fix its call id.",
    unansweredToolCalls: "Message {n} calls tools whose results are missing ({missing}). Enter a result for each call before running.",
    badToolCallId: "Message {n} has a tool call id \"{id}\"; Mistral needs exactly 9 letters or digits.",
  },
  build: {
    toolParametersInvalid: "The parameters of tool \"{name}\" are not a JSON object. Fix them in the Tools panel.",
    responseSchemaInvalid: "The response JSON schema is not a JSON object. Fix it in the Response format editor.",
  },
  errors: {
    invalid_request: "The request was not valid: {detail}",
    too_large: "The conversation is too large to send ({detail}). Shorten it or delete some messages.",
    not_found: "Not found.",
    forbidden: "Not allowed: {detail}",
    rate_limited: "Mistral's rate limit was reached, even after {retries} retries. Wait a moment, then retry.",
    invalid_api_key: "Mistral rejected the API key. Check the key in Settings, or the server's MISTRAL_API_KEY.",
    no_api_key: "No Mistral API key is configured. Paste your key in Settings (kept in this browser only), or set MISTRAL_API_KEY on the server and restart it.",
    upstream_unavailable: "Mistral is not answering right now ({detail}), even after {retries} retries. Try again in a moment.",
    upstream_rejected: "Mistral rejected the request: {detail}",
    interrupted: "The answer was cut off before it finished ({detail}). What arrived is kept; press Retry to run it again.",
    internal: "Something went wrong on the playground's server. Try again; if it keeps happening, check the server log.",
    network: "The playground's server could not be reached. Check your connection and try again.",
  },
};
