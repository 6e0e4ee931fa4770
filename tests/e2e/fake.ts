import { E2E } from "./ports.ts";

/** Drives the fake Mistral server that the app under test talks to. */
const control = `http://127.0.0.1:${E2E.fakePort}/__fake`;

async function post(path: string, body: unknown): Promise<void> {
  const response = await fetch(`${control}/${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`fake ${path}: HTTP ${response.status} ${await response.text()}`);
}

export type RecordedRequest = {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: any;
  status: number | null;
};

export const fake = {
  reset: () => post("reset", {}),
  script: (...responses: unknown[]) => post("script", responses),
  fault: (fault: unknown) => post("fault", fault),
  async requests(): Promise<RecordedRequest[]> {
    const response = await fetch(`${control}/requests`);
    return (await response.json()) as RecordedRequest[];
  },
  async chatRequests(): Promise<RecordedRequest[]> {
    return (await this.requests()).filter((r) => r.path === "/v1/chat/completions");
  },
};
