import { defaultParameters, type PromptSnapshot } from "@/lib/workspace/model";

/** Built-in starting points. Message ids are fixed, so a preset is the same data every time. */
export type PromptPreset = {
  id: string;
  name: string;
  description: string;
  snapshot: PromptSnapshot;
};

export const promptPresets: readonly PromptPreset[] = [
  {
    id: "translator-chain",
    name: "Translator chain",
    description: "LangChain's translation chain: the languages and the sentence are template variables.",
    snapshot: {
      system: "You are a helpful assistant that translates {input_language} to {output_language}.",
      messages: [{ id: "preset-translator-user", role: "user", content: "{input}" }],
      parameters: { ...defaultParameters, model: "mistral-large-latest", temperature: 0 },
      variables: {
        input_language: "English",
        output_language: "German",
        input: "I love programming.",
      },
    },
  },
  {
    id: "english-to-french",
    name: "English to French",
    description: "A fixed system message translating one user sentence into French.",
    snapshot: {
      system: "You are a helpful assistant that translates English to French. Translate the user sentence.",
      messages: [{ id: "preset-french-user", role: "user", content: "I love programming." }],
      parameters: { ...defaultParameters, temperature: 0, maxRetries: 2 },
      variables: {},
    },
  },
  {
    id: "json-extraction",
    name: "JSON extraction",
    description: "Pulls a name, an email and a company out of free text as a JSON object.",
    snapshot: {
      // Doubled braces: the example object is literal text, not a placeholder.
      system:
        "Extract the person's name, email address and company from the text the user gives you. " +
        'Answer with a JSON object shaped like {{"name": "…", "email": "…", "company": "…"}}, ' +
        "using null for anything the text does not say.",
      messages: [{ id: "preset-json-user", role: "user", content: "Text:\n{text}" }],
      parameters: { ...defaultParameters, temperature: 0, responseFormat: { type: "json_object" } },
      variables: {
        text:
          "Hi, I'm Ada Lovelace, head of research at Analytical Engines Ltd. " +
          "Write to me at ada@analytical-engines.example and I'll get back to you.",
      },
    },
  },
  {
    id: "summariser",
    name: "Summariser",
    description: "Summarises a text in a chosen number of sentences.",
    snapshot: {
      system: "You summarise texts faithfully and concisely, without adding anything.",
      messages: [
        {
          id: "preset-summariser-user",
          role: "user",
          content: "Summarise the following text in {sentences} sentences.\n\n{text}",
        },
      ],
      parameters: { ...defaultParameters, temperature: 0.3 },
      variables: {
        sentences: "2",
        text:
          "The Analytical Engine was a proposed mechanical general-purpose computer designed by " +
          "Charles Babbage. It had an arithmetic logic unit, control flow in the form of " +
          "conditional branching and loops, and integrated memory. Ada Lovelace wrote what is " +
          "considered the first algorithm intended to be carried out by such a machine, " +
          "computing Bernoulli numbers, and saw that it could act on more than numbers.",
      },
    },
  },
];

export function findPreset(id: string): PromptPreset | undefined {
  return promptPresets.find((preset) => preset.id === id);
}
