import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { escapeForTemplate, renderPrompt } from "@/lib/chat/template";
import { defaultParameters, type PromptSnapshot } from "@/lib/workspace/model";
import { codeLanguages, generateCode } from "@/lib/export/code";
import { findPreset } from "@/lib/prompts/presets";
import { startFakeMistral, type FakeMistral } from "../fake-mistral/server.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const KEY = "test-key-123";

/** Everything a string literal can trip over: quotes, backslashes, shell syntax, heredoc ends. */
const TRICKY =
  `Quotes "double" and 'single', a back\\slash, \\n that is not a newline, a\ttab,\n` +
  `a second line with 😀, 日本語, Ünïcödé, $HOME, \`uname\`, \${PATH}, '\\'' and "\\"\n` +
  `JSON\nEOF\nbraces {like} these }{ and a line\u2028separator.`;

const translator = findPreset("translator-chain")!.snapshot;

const weather: PromptSnapshot = {
  system: `You report the weather. ${escapeForTemplate(TRICKY)} Answer in {language}.`,
  messages: [
    { id: "u1", role: "user", content: "What is the weather in {city}?" },
    {
      id: "a1",
      role: "assistant",
      content: "",
      toolCalls: [{ id: "abcDEF123", name: "get_weather", arguments: '{"city": "Zürich \\"Altstadt\\""}' }],
    },
    {
      id: "t1",
      role: "tool",
      toolCallId: "abcDEF123",
      name: "get_weather",
      content: `{"temp": "21 °C", "sky": "it's {sunny}"}`,
    },
  ],
  parameters: {
    ...defaultParameters,
    temperature: 0.2,
    maxTokens: 300,
    topP: 0.9,
    randomSeed: 42,
    stop: ["\n\nEND", "'\"'"],
    safePrompt: true,
    parallelToolCalls: false,
    tools: [
      {
        name: "get_weather",
        description: `Current weather; ${TRICKY}`,
        parameters: JSON.stringify({
          type: "object",
          properties: { city: { type: "string", description: 'A city, e.g. "Zürich"' } },
          required: ["city"],
        }),
      },
    ],
  },
  variables: { language: "Deutsch", city: `Zürich's "old" town {x} \\ ${TRICKY}` },
};

/** The same conversation with no variables: its texts are sent as written, braces included. */
const literal: PromptSnapshot = {
  ...weather,
  system: `Plain text ${escapeForTemplate(TRICKY)}`,
  messages: [{ id: "u1", role: "user", content: `Say {{hi}} to ${escapeForTemplate(TRICKY)}` }],
  variables: {},
};

/** The remaining paths: a JSON schema, a forced tool, a continued answer, and gaps to note. */
const structured: PromptSnapshot = {
  system: "Describe {topic}.",
  messages: [
    { id: "u1", role: "user", content: "{topic}, as JSON please." },
    { id: "a1", role: "assistant", content: '{{"topic": ' },
  ],
  parameters: {
    ...defaultParameters,
    responseFormat: {
      type: "json_schema",
      name: "topic_card",
      schema: '{"type": "object", "properties": {"topic": {"type": "string"}}, "required": ["topic"]}',
      strict: true,
    },
    tools: [{ name: "lookup", description: "Looks a topic up.", parameters: "{not json" }],
    toolChoice: { type: "function", name: "lookup" },
  },
  variables: { topic: "" },
};

type Wire = Record<string, any>;

/** What Mistral should receive, read straight from the workspace. */
function expectedMessages(snapshot: PromptSnapshot): Wire[] {
  const rendered = renderPrompt(snapshot, snapshot.variables, { allowMissing: true });
  if (!rendered.ok) throw new Error(rendered.error.message);
  const { system, messages } = rendered.value;
  return [
    ...(system ? [{ role: "system", content: system }] : []),
    ...messages.map((message): Wire => {
      if (message.role === "tool") {
        const { role, toolCallId, name, content } = message;
        return { role, content, tool_call_id: toolCallId, name };
      }
      const calls = message.role === "assistant" ? message.toolCalls : undefined;
      return {
        role: message.role,
        content: message.content,
        ...(calls
          ? {
              tool_calls: calls.map((c) => ({
                id: c.id,
                name: c.name,
                arguments: JSON.parse(c.arguments),
              })),
            }
          : {}),
      };
    }),
  ];
}

/** Clients differ in form (text parts, argument spacing), not in meaning. */
function normaliseMessages(messages: Wire[]): Wire[] {
  return messages.map((m) => ({
    role: m.role,
    content: typeof m.content === "string" ? m.content : m.content.map((part: Wire) => part.text).join(""),
    ...(m.tool_calls
      ? {
          tool_calls: m.tool_calls.map((c: Wire) => ({
            id: c.id,
            name: c.function.name,
            arguments: JSON.parse(c.function.arguments),
          })),
        }
      : {}),
    ...(m.role === "tool" ? { tool_call_id: m.tool_call_id, name: m.name } : {}),
  }));
}

/** The parameters of a wire request, in a form every client can be compared in. */
function wireParameters(body: Wire): Wire {
  const names = ["model", "temperature", "top_p", "max_tokens", "random_seed", "stop"] as const;
  return {
    ...Object.fromEntries(names.map((name) => [name, body[name]])),
    safe_prompt: body.safe_prompt,
    parallel_tool_calls: body.parallel_tool_calls,
    // "auto" is Mistral's default; the AI SDK spells it out.
    tool_choice: body.tool_choice ?? "auto",
    tools: (body.tools as Wire[]).map(({ function: f }) => ({
      name: f.name,
      description: f.description,
      parameters: f.parameters,
    })),
  };
}

/** The weather workspace's parameters as they should arrive. */
const weatherWire = {
  model: "mistral-large-latest",
  temperature: 0.2,
  top_p: 0.9,
  max_tokens: 300,
  random_seed: 42,
  stop: ["\n\nEND", "'\"'"],
  safe_prompt: true,
  parallel_tool_calls: false,
  tool_choice: "auto",
  tools: [
    {
      name: "get_weather",
      description: `Current weather; ${TRICKY}`,
      parameters: JSON.parse(weather.parameters.tools[0]!.parameters) as unknown,
    },
  ],
};

function run(command: string, args: string[], options: { env?: Record<string, string>; input?: string } = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    // Asynchronous on purpose: the fake answers from this very process.
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...options.env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? "");
  });
}

let fake: FakeMistral;
let workDir: string;
let stubDir: string;
const env = () => ({ MISTRAL_API_KEY: KEY, MISTRAL_BASE_URL: fake.url });

beforeAll(async () => {
  fake = await startFakeMistral();
  // Inside the repository so the TypeScript program resolves `ai` from node_modules.
  mkdirSync(join(ROOT, "tests/.tmp"), { recursive: true });
  workDir = mkdtempSync(join(ROOT, "tests/.tmp/code-export-"));
  stubDir = mkdtempSync(join(tmpdir(), "code-export-python-"));
  for (const [path, source] of Object.entries(PYTHON_STUBS)) {
    mkdirSync(dirname(join(stubDir, path)), { recursive: true });
    writeFileSync(join(stubDir, path), source);
  }
});

afterAll(async () => {
  await fake?.close();
  rmSync(workDir, { recursive: true, force: true });
  const shared = dirname(workDir);
  if (readdirSync(shared).length === 0) rmSync(shared, { recursive: true });
  rmSync(stubDir, { recursive: true, force: true });
});

beforeEach(() => fake.reset());

describe("every language", () => {
  it.each(codeLanguages)("%s reads the key and base URL from the environment", (language) => {
    const code = generateCode({ snapshot: weather, language });
    expect(code).toContain("MISTRAL_API_KEY");
    expect(code).toContain("MISTRAL_BASE_URL");
    expect(code).not.toMatch(/Bearer [A-Za-z0-9]/);
  });

  it.each(codeLanguages)("%s notes in a comment what it could not carry over", (language) => {
    const code = generateCode({ snapshot: structured, language });
    const comment = language === "ai-sdk-typescript" ? "//" : "#";
    expect(code).toContain(`${comment} No value yet for {topic}; empty text stands in.`);
    expect(code).toContain(`${comment} The parameters of tool lookup are not valid JSON`);
  });

  it("a template error is noted and the text sent as written", () => {
    const broken = { ...translator, system: "Translate to {output_language" };
    const code = generateCode({ snapshot: broken, language: "curl" });
    expect(code).toContain("# The prompt has a template error, so its text is sent as written.");
    expect(code).toContain('"content": "Translate to {output_language"');
    expect(code).toContain('"content": "{input}"');
  });
});

describe("Python", () => {
  const snapshots = { translator, weather, literal, structured };
  const cases = Object.entries(snapshots).flatMap(([name, snapshot]) =>
    (["langchain-python", "mistral-python"] as const).map((language) => [language, name, snapshot] as const),
  );

  it.each(cases)("%s for %s is valid Python", async (language, _name, snapshot) => {
    const code = generateCode({ snapshot, language });
    const parsed = await run("python3", ["-c", "import ast,sys; ast.parse(sys.stdin.read())"], {
      input: code,
    });
    expect(parsed.stderr).toBe("");
    expect(parsed.code).toBe(0);
  });

  it.each(Object.entries(snapshots))(
    "LangChain's templates and values for %s give the texts the playground sends",
    async (_name, snapshot) => {
      const code = generateCode({ snapshot, language: "langchain-python" });
      const sent = await runPython(code);
      const roles: Record<string, string> = {
        system: "system",
        human: "user",
        ai: "assistant",
        ToolMessage: "tool",
        AIMessage: "assistant",
      };
      const expected = expectedMessages(snapshot);
      expect(sent.messages.map((m: Wire) => [roles[m.type], m.content])).toEqual(
        expected.map((m) => [m.role, m.content]),
      );
      expect(sent.model).toMatchObject({
        model: snapshot.parameters.model,
        max_retries: 2,
        api_key: KEY,
        endpoint: fake.url,
      });
      expect("templated" in sent).toBe(Object.keys(snapshot.variables).length > 0);
    },
  );

  it("the Mistral SDK call carries the workspace's messages and parameters", async () => {
    const sent = await runPython(generateCode({ snapshot: weather, language: "mistral-python" }));
    expect(sent.server_url).toBe(fake.url.replace(/\/v1$/, ""));
    expect(sent.api_key).toBe(KEY);
    expect(normaliseMessages(sent.request.messages)).toEqual(expectedMessages(weather));
    expect(wireParameters(sent.request)).toEqual(weatherWire);
  });
});

async function runPython(code: string): Promise<Wire> {
  const result = await run("python3", ["-c", code], {
    env: { ...env(), PYTHONPATH: stubDir, PYTHONIOENCODING: "utf-8" },
  });
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout.split("\n")[0]!) as Wire;
}

describe("against the fake Mistral", () => {
  async function runCurl(snapshot: PromptSnapshot) {
    const script = join(workDir, "request.sh");
    writeFileSync(script, generateCode({ snapshot, language: "curl" }));
    return run("sh", [script], { env: env() });
  }

  async function runTypeScript(snapshot: PromptSnapshot) {
    const program = join(workDir, "program.ts");
    writeFileSync(program, generateCode({ snapshot, language: "ai-sdk-typescript" }));
    return run(process.execPath, ["--disable-warning=ExperimentalWarning", program], {
      env: env(),
    });
  }

  it("curl gets the translation of the translator chain", async () => {
    const result = await runCurl(translator);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).choices[0].message.content).toBe("Ich liebe das Programmieren.");
    const [request] = fake.requests;
    expect(request?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(request?.body).toEqual({
      model: "mistral-large-latest",
      messages: expectedMessages(translator),
      temperature: 0,
    });
  });

  it("the AI SDK program streams the translation, then the usage", async () => {
    const result = await runTypeScript(translator);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n")[0]).toBe("Ich liebe das Programmieren.");
    expect(result.stdout).toMatch(/Usage: \{[\s\S]*inputTokens: \d+/);
    const body = fake.requests[0]?.body as Wire;
    expect(normaliseMessages(body.messages)).toEqual(expectedMessages(translator));
    expect(body).toMatchObject({ model: "mistral-large-latest", temperature: 0, stream: true });
  });

  it("curl and the AI SDK send the same tool conversation and parameters, tricky text intact", async () => {
    const curl = await runCurl(weather);
    expect(curl.stderr).toBe("");
    expect(curl.code).toBe(0);
    const typescript = await runTypeScript(weather);
    expect(typescript.stderr).toBe("");
    expect(typescript.code).toBe(0);

    const [fromCurl, fromTypeScript] = fake.requests.map((r) => r.body as Wire);
    for (const body of [fromCurl!, fromTypeScript!]) {
      expect(normaliseMessages(body.messages)).toEqual(expectedMessages(weather));
      expect(wireParameters(body)).toEqual(weatherWire);
    }
  });

  it("sends text without variables as written, braces included", async () => {
    expect((await runCurl(literal)).code).toBe(0);
    expect((await runTypeScript(literal)).code).toBe(0);
    for (const request of fake.requests) {
      const messages = (request.body as Wire).messages as Wire[];
      expect(normaliseMessages(messages).map((m) => m.content)).toEqual([
        `Plain text ${TRICKY}`,
        `Say {hi} to ${TRICKY}`,
      ]);
    }
  });

  it("asks for a JSON object when the response format says so", async () => {
    const extraction = findPreset("json-extraction")!.snapshot;
    expect((await runCurl(extraction)).code).toBe(0);
    expect((await runTypeScript(extraction)).code).toBe(0);
    const [system] = expectedMessages(extraction);
    for (const request of fake.requests) {
      const body = request.body as Wire;
      expect(body.response_format).toEqual({ type: "json_object" });
      // The AI SDK appends a line asking for JSON to the system message.
      expect(body.messages[0].content.startsWith(system!.content)).toBe(true);
    }
  });

  it("the AI SDK program type-checks", async () => {
    const files = [translator, weather, structured, findPreset("json-extraction")!.snapshot].map((snapshot, i) => {
      const file = join(workDir, `typed-${i}.ts`);
      writeFileSync(file, generateCode({ snapshot, language: "ai-sdk-typescript" }));
      return file;
    });
    const tsc = join(ROOT, "node_modules/typescript/bin/tsc");
    const flags = ["--noEmit", "--strict", "--noUncheckedIndexedAccess", "--skipLibCheck", "--target", "es2023"];
    const result = await run(process.execPath, [tsc, ...flags, "--module", "nodenext", "--types", "node", ...files]);
    expect(result.stdout).toBe("");
    expect(result.code).toBe(0);
  }, 60_000);
});

/**
 * Stand-ins for langchain-mistralai and mistralai that print what the program gave them. The
 * prompt template formats with `str.format`, which is what LangChain's f-string templates are.
 */
const PYTHON_STUBS: Record<string, string> = {
  "langchain_core/__init__.py": "",
  "langchain_core/messages.py": `
class AIMessage:
    def __init__(self, content, tool_calls=None, additional_kwargs=None):
        self.content, self.tool_calls, self.additional_kwargs = content, tool_calls or [], additional_kwargs or {}

class ToolMessage:
    def __init__(self, content, tool_call_id, name=None):
        self.content, self.tool_call_id, self.name = content, tool_call_id, name
`,
  "langchain_core/prompts.py": `
class ChatPromptTemplate:
    def __init__(self, messages):
        self.messages = messages

    @classmethod
    def from_messages(cls, messages):
        return cls(messages)

    def __or__(self, model):
        prompt = self
        class Chain:
            def invoke(self, values):
                formatted = [(m[0], m[1].format(**values)) if isinstance(m, tuple) else m for m in prompt.messages]
                return model.invoke(formatted, templated=True)
        return Chain()
`,
  "langchain_mistralai/__init__.py": `
import json
from types import SimpleNamespace

class ChatMistralAI:
    def __init__(self, **kwargs):
        self.kwargs, self.bound = kwargs, {}

    def bind(self, **kwargs):
        model = ChatMistralAI(**self.kwargs)
        model.bound = {**self.bound, **kwargs}
        return model

    def bind_tools(self, tools, **kwargs):
        return self.bind(tools=tools, **kwargs)

    def invoke(self, messages, templated=False):
        plain = [{"type": m[0], "content": m[1]} if isinstance(m, tuple) else {"type": type(m).__name__, **vars(m)} for m in messages]
        sent = {"model": self.kwargs, "bound": self.bound, "messages": plain}
        if templated:
            sent["templated"] = True
        print(json.dumps(sent))
        return SimpleNamespace(content="", tool_calls=[], response_metadata={}, usage_metadata={})
`,
  "mistralai/__init__.py": `
import json
from types import SimpleNamespace

class Mistral:
    def __init__(self, api_key, server_url=None):
        client = self
        self.api_key, self.server_url = api_key, server_url
        class Chat:
            def complete(self, **request):
                print(json.dumps({"api_key": client.api_key, "server_url": client.server_url, "request": request}))
                message = SimpleNamespace(content="", tool_calls=None)
                return SimpleNamespace(choices=[SimpleNamespace(message=message)], usage={})
        self.chat = Chat()
`,
};
