import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { fake, plainMessages, type RecordedRequest } from "./fake.ts";

const SYSTEM = "You are a weather assistant. Answer in one sentence.";
const WEATHER_PARAMETERS = JSON.stringify(
  { type: "object", properties: { city: { type: "string" } }, required: ["city"], additionalProperties: false },
  null,
  2,
);

function tools(page: Page) {
  return page.getByRole("region", { name: "Tools" });
}

function message(page: Page, n: number) {
  return page.locator("li[data-role]").nth(n - 1);
}

/** The playground's error box (Next's route announcer also has role="alert"). */
function alertBox(page: Page) {
  return page.locator('[role="alert"][data-code]');
}

async function defineWeatherTool(page: Page, mockResult?: string) {
  await tools(page).getByRole("button", { name: "Add tool" }).click();
  const tool = tools(page).getByRole("group", { name: "Tool 1" });
  await tool.getByLabel("Name").fill("get_weather");
  await tool.getByLabel("Description").fill("Current weather in a city");
  await tool.getByLabel("Parameters (JSON Schema)").fill(WEATHER_PARAMETERS);
  await expect(tool.getByText("Valid JSON Schema.")).toBeVisible();
  if (mockResult !== undefined) await tool.getByLabel("Mock result").fill(mockResult);
}

/** Every request reached Mistral (the fake) in a shape it accepted. */
async function acceptedRequests(count: number): Promise<RecordedRequest[]> {
  const requests = await fake.chatRequests();
  expect(requests.map((r) => r.status)).toEqual(Array(count).fill(200));
  return requests;
}

test("a weather tool round trip: the call, a typed result, and the answer that uses it", async ({ page }) => {
  await fake.script({ toolCalls: [{ id: "gSIMJiOkT", name: "get_weather", arguments: '{"city": "Paris"}' }] });
  await defineWeatherTool(page);
  await page.getByRole("textbox", { name: "System message" }).fill(SYSTEM);
  await page.getByRole("textbox", { name: "User message" }).fill("What's the weather in Paris?");
  await page.getByRole("button", { name: "Run" }).click();

  const call = message(page, 2);
  await expect(call).toHaveAttribute("data-role", "assistant");
  await expect(call).toContainText("Calls get_weather · id gSIMJiOkT");
  await expect(call.locator("pre")).toHaveText('{\n  "city": "Paris"\n}');
  await expect(page.getByRole("combobox", { name: "Role of message 3" })).toHaveValue("tool");
  await expect(page.getByRole("combobox", { name: "Message 3 answers tool call" })).toHaveValue("gSIMJiOkT");

  // Run refuses an empty result before sending anything.
  await page.getByRole("button", { name: "Run" }).click();
  await expect(alertBox(page)).toContainText("Message 3 is an empty tool result");

  await page
    .getByRole("textbox", { name: "Message 3 (Tool) text" })
    .fill('{"temperature_c": 24, "conditions": "sunny"}');
  await page.getByRole("button", { name: "Run" }).click();
  await expect(message(page, 4)).toContainText(
    'The get_weather tool returned: {"temperature_c": 24, "conditions": "sunny"}',
  );
  await expect(alertBox(page)).toHaveCount(0);

  const [first, second] = await acceptedRequests(2);
  expect(first?.body).toMatchObject({
    tools: [
      {
        type: "function",
        function: {
          name: "get_weather",
          description: "Current weather in a city",
          parameters: JSON.parse(WEATHER_PARAMETERS),
        },
      },
    ],
    tool_choice: "auto",
    parallel_tool_calls: true,
  });
  expect(plainMessages(second)).toEqual([
    { role: "system", content: SYSTEM },
    { role: "user", content: "What's the weather in Paris?" },
    {
      role: "assistant",
      content: "",
      tool_calls: [
        { id: "gSIMJiOkT", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } },
      ],
    },
    {
      role: "tool",
      name: "get_weather",
      tool_call_id: "gSIMJiOkT",
      content: '{"temperature_c": 24, "conditions": "sunny"}',
    },
  ]);
});

test("tool calls are edited like other messages; a mock result fills the answer; choice and parallel calls are sent", async ({
  page,
}) => {
  await defineWeatherTool(page, '{"temperature_c": 18}');
  await tools(page).getByLabel("Tool choice").selectOption({ label: "must call get_weather" });
  await tools(page).getByRole("switch", { name: "Parallel tool calls" }).uncheck();
  await page.getByRole("textbox", { name: "User message" }).fill("Weather?");
  await page.getByRole("button", { name: "Run" }).click();

  // The fake calls the named function with minimal arguments; the mock result is already there.
  await expect(message(page, 2)).toContainText("Calls get_weather");
  await expect(page.getByRole("textbox", { name: "Message 3 (Tool) text" })).toHaveValue('{"temperature_c": 18}');
  const [first] = await acceptedRequests(1);
  expect(first?.body).toMatchObject({
    tool_choice: { type: "function", function: { name: "get_weather" } },
    parallel_tool_calls: false,
  });
  const id = await callIdOf(page);
  expect(id).toMatch(/^[A-Za-z0-9]{9}$/);

  // Edit the call's arguments: invalid JSON is flagged and refused, valid JSON is sent as edited.
  await message(page, 2).getByRole("button", { name: "Edit" }).click();
  const args = message(page, 2).getByLabel("Arguments (JSON)");
  await args.fill('{"city": Lyon}');
  await expect(message(page, 2).getByText(/Unexpected token|not valid JSON/)).toBeVisible();
  await tools(page).getByLabel("Tool choice").selectOption("auto");
  await page.getByRole("button", { name: "Run" }).click();
  await expect(alertBox(page)).toContainText(`the arguments of call ${id} are not a JSON object`);
  await args.fill('{"city": "Lyon"}');
  await message(page, 2).getByRole("button", { name: "Done" }).click();
  await expect(message(page, 2).locator("pre")).toHaveText('{\n  "city": "Lyon"\n}');

  // A user message right after the tool result is refused; deleting it lets the run through.
  await page.getByRole("textbox", { name: "User message" }).fill("And tomorrow?");
  await page.getByRole("button", { name: "Run" }).click();
  await expect(alertBox(page)).toContainText("Message 4 is a user message right after a tool result");
  await page.getByRole("textbox", { name: "User message" }).fill("");
  await page.getByRole("button", { name: "Run" }).click();
  await expect(message(page, 4)).toContainText('The get_weather tool returned: {"temperature_c": 18}');

  const requests = await acceptedRequests(2);
  expect(plainMessages(requests[1]).slice(1)).toEqual([
    {
      role: "assistant",
      content: "",
      tool_calls: [{ id, type: "function", function: { name: "get_weather", arguments: '{"city":"Lyon"}' } }],
    },
    { role: "tool", name: "get_weather", tool_call_id: id, content: '{"temperature_c": 18}' },
  ]);
});

async function callIdOf(page: Page): Promise<string> {
  const text = await message(page, 2)
    .getByText(/^Calls get_weather · id /)
    .textContent();
  return text?.replace(/^Calls get_weather · id /, "") ?? "";
}

async function importFile(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
  const chooser = page.waitForEvent("filechooser");
  await tools(page).getByRole("button", { name: "Import tools from a JSON file" }).click();
  await (await chooser).setFiles(file);
}

test("tools import from a file and export as Mistral's tools array", async ({ page }) => {
  const file = [
    {
      type: "function",
      function: {
        name: "get_time",
        description: "Local time",
        parameters: { type: "object", properties: { tz: { type: "string" } } },
      },
    },
  ];
  await importFile(page, {
    name: "tools.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(file)),
  });
  await expect(tools(page).getByRole("status")).toHaveText("Imported 1 tool; tools with the same name were replaced.");
  await expect(tools(page).getByRole("group", { name: "Tool 1" }).getByLabel("Name")).toHaveValue("get_time");

  const download = page.waitForEvent("download");
  await tools(page).getByRole("button", { name: "Export the tools as JSON (Mistral's tools array)" }).click();
  const saved = await (await download).createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of saved) chunks.push(chunk as Buffer);
  expect(JSON.parse(Buffer.concat(chunks).toString("utf8"))).toEqual(file);

  await importFile(page, {
    name: "bad.json",
    mimeType: "application/json",
    buffer: Buffer.from('[{"name": "bad name"}]'),
  });
  await expect(tools(page).getByRole("status")).toHaveText(
    "Nothing imported: [0].name: Letters, digits, _ and -, at most 64.",
  );
});

test("JSON object mode sends json_object, leaves the system message alone and shows the answer checked", async ({
  page,
}) => {
  await page.getByRole("combobox", { name: "Response format" }).selectOption({ label: "JSON object" });
  await page.getByRole("textbox", { name: "System message" }).fill("Answer in JSON.");
  await page.getByRole("textbox", { name: "User message" }).fill("Hello");
  await page.getByRole("button", { name: "Run" }).click();

  const answer = message(page, 2);
  await expect(answer.locator("pre")).toHaveText('{\n  "answer": "You said: Hello"\n}');
  await expect(answer.getByTestId("json-check")).toHaveText("✓ Valid JSON");
  const [request] = await acceptedRequests(1);
  expect(request?.body.response_format).toEqual({ type: "json_object" });
  expect(plainMessages(request)).toEqual([
    { role: "system", content: "Answer in JSON." },
    { role: "user", content: "Hello" },
  ]);
});

test("a JSON schema run: a valid answer matches, a bad answer shows each violation", async ({ page }) => {
  await page.getByRole("combobox", { name: "Response format" }).selectOption({ label: "JSON schema" });
  const schema = page.getByLabel("JSON Schema", { exact: true });
  await schema.fill(
    '{"type": "object", "properties": {"name": {"type": "string"}, "year": {"type": "integer", "minimum": 1900}}, "required": ["name", "year"',
  );
  await expect(schema).toHaveAttribute("aria-invalid", "true");
  await expect(schema).toHaveAccessibleDescription(/JSON/);
  await schema.fill(
    JSON.stringify({
      type: "object",
      properties: { name: { type: "string" }, year: { type: "integer", minimum: 1900 } },
      required: ["name", "year"],
      additionalProperties: false,
    }),
  );
  await expect(schema).toHaveAccessibleDescription("Valid JSON Schema.");
  await page.getByLabel("Schema name").fill("film");

  await page.getByRole("textbox", { name: "User message" }).fill("A film, please.");
  await page.getByRole("button", { name: "Run" }).click();
  await expect(message(page, 2).getByTestId("json-check")).toHaveText('✓ Matches the schema "film"');

  await fake.script({ content: '{"name": "Metropolis", "year": 1827, "director": "Lang"}' });
  await page.getByRole("textbox", { name: "User message" }).fill("Another one.");
  await page.getByRole("button", { name: "Run" }).click();
  const check = message(page, 4).getByTestId("json-check");
  await expect(check).toHaveAttribute("data-valid", "false");
  await expect(check).toContainText('Does not match the schema "film":');
  await expect(check.getByRole("listitem")).toHaveText([
    "/year: 1827 is less than 1900.",
    "/director: is not allowed here (the schema forbids extra properties).",
  ]);
  await expect(message(page, 4).locator("pre")).toHaveText(
    '{\n  "name": "Metropolis",\n  "year": 1827,\n  "director": "Lang"\n}',
  );

  const requests = await acceptedRequests(2);
  for (const request of requests) {
    expect(request.body.response_format).toEqual({
      type: "json_schema",
      json_schema: {
        name: "film",
        strict: true,
        schema: {
          type: "object",
          properties: { name: { type: "string" }, year: { type: "integer", minimum: 1900 } },
          required: ["name", "year"],
          additionalProperties: false,
        },
      },
    });
    expect(request.body.messages.filter((m: { role: string }) => m.role === "system")).toEqual([]);
  }
});

test("tools, tool choice, parallel calls and the response format survive a reload", async ({ page }) => {
  await defineWeatherTool(page, "sunny");
  await tools(page).getByLabel("Tool choice").selectOption("any");
  await tools(page).getByRole("switch", { name: "Parallel tool calls" }).uncheck();
  await page.getByRole("combobox", { name: "Response format" }).selectOption({ label: "JSON schema" });
  await page.getByLabel("Schema name").fill("report");

  await page.reload();
  const tool = tools(page).getByRole("group", { name: "Tool 1" });
  await expect(tool.getByLabel("Name")).toHaveValue("get_weather");
  await expect(tool.getByLabel("Parameters (JSON Schema)")).toHaveValue(WEATHER_PARAMETERS);
  await expect(tool.getByLabel("Mock result")).toHaveValue("sunny");
  await expect(tools(page).getByLabel("Tool choice")).toHaveValue("any");
  await expect(tools(page).getByRole("switch", { name: "Parallel tool calls" })).not.toBeChecked();
  await expect(page.getByRole("combobox", { name: "Response format" })).toHaveValue("json_schema");
  await expect(page.getByLabel("Schema name")).toHaveValue("report");
});
