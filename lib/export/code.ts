import type { PromptSnapshot } from "@/lib/workspace/model";
import { aiSdkCode } from "./code/ai-sdk";
import { curlCode } from "./code/curl";
import { langchainCode } from "./code/langchain";
import { mistralPythonCode } from "./code/mistral-python";
import { prepare, type PreparedPrompt } from "./code/prepare";

/**
 * "View code": the workspace as a program that sends the same request to Mistral. Every program
 * reads the key from MISTRAL_API_KEY and honours MISTRAL_BASE_URL (default: Mistral's API).
 */

export const codeLanguages = ["langchain-python", "mistral-python", "ai-sdk-typescript", "curl"] as const;
export type CodeLanguage = (typeof codeLanguages)[number];

const generators: Record<CodeLanguage, (prepared: PreparedPrompt) => string> = {
  "langchain-python": langchainCode,
  "mistral-python": mistralPythonCode,
  "ai-sdk-typescript": aiSdkCode,
  curl: curlCode,
};

export function generateCode(input: { snapshot: PromptSnapshot; language: CodeLanguage }): string {
  return generators[input.language](prepare(input.snapshot));
}
