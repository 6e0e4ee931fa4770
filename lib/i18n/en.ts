/** English UI strings. Every string the UI shows lives here, so other languages can follow. */
export const en = {
  app: {
    title: "Mistral Playground",
    description: "Edit a conversation, run it on a Mistral model, watch it stream, see what it cost and share it.",
  },
};
