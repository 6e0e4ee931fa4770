/**
 * Regenerates `chat-completion-request.yaml`: the part of Mistral's official OpenAPI spec that
 * `POST /v1/chat/completions` request validation needs (ChatCompletionRequest and every schema
 * it references), copied unchanged. The whole spec is 1 MB; this slice is ~30 kB.
 *
 *   node tests/fake-mistral/spec/extract-chat-schemas.ts /work/shared/mistral-wire/docs/public-openapi.yaml
 */
import { readFileSync, writeFileSync } from "node:fs";
import { parse, stringify } from "yaml";

const REF_PREFIX = "#/components/schemas/";
const ROOT = "ChatCompletionRequest";

type Schemas = Record<string, unknown>;

function collectReferenced(schemas: Schemas, root: string): Set<string> {
  const seen = new Set<string>([root]);
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    if (value === null || typeof value !== "object") return;
    for (const [key, inner] of Object.entries(value)) {
      if (key === "$ref" && typeof inner === "string" && inner.startsWith(REF_PREFIX)) {
        const name = inner.slice(REF_PREFIX.length);
        if (!seen.has(name)) {
          seen.add(name);
          visit(schemas[name]);
        }
      } else {
        visit(inner);
      }
    }
  };
  visit(schemas[root]);
  return seen;
}

const source = process.argv[2];
if (source === undefined) {
  console.error("usage: extract-chat-schemas.ts <path to public/openapi.yaml>");
  process.exit(1);
}
const spec = parse(readFileSync(source, "utf8")) as { info?: unknown; components: { schemas: Schemas } };
const names = [...collectReferenced(spec.components.schemas, ROOT)].sort();
const header = [
  "# Slice of Mistral's official OpenAPI 3.1 spec: components.schemas.ChatCompletionRequest and",
  "# everything it references, unchanged. Source: mistralai/platform-docs-public public/openapi.yaml",
  "# @50c1afe7 (2026-08-13, \"sync docs to v1.5.0\"); see /work/shared/mistral-wire/FACTS.md (SPEC).",
  "# Regenerate with extract-chat-schemas.ts.",
  "",
].join("\n");
const slice = { components: { schemas: Object.fromEntries(names.map((n) => [n, spec.components.schemas[n]])) } };
writeFileSync(new URL("./chat-completion-request.yaml", import.meta.url), header + stringify(slice, { lineWidth: 0 }));
console.log(`wrote ${names.length} schemas`);
