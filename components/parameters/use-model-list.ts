"use client";

import { useEffect } from "react";
import { modelListSchema, type ModelList } from "@/lib/mistral/catalogue";
import { USER_API_KEY_HEADER } from "@/lib/chat/request";
import { useModelCatalogue } from "@/lib/store/model-list-store";
import { useSettings } from "@/lib/store/settings-store";

/** The model list from /api/models, fetched again when the user's key changes. */
export function useModelList(): ModelList | undefined {
  const apiKey = useSettings((s) => s.apiKey);
  const list = useModelCatalogue((s) => s.list);
  useEffect(() => {
    const controller = new AbortController();
    fetch("/api/models", {
      headers: apiKey ? { [USER_API_KEY_HEADER]: apiKey } : {},
      signal: controller.signal,
    })
      .then((response) => response.json())
      .then((json: unknown) => {
        const parsed = modelListSchema.safeParse(json);
        if (parsed.success) useModelCatalogue.setState({ list: parsed.data });
        else console.error("Unexpected /api/models answer", parsed.error);
      })
      .catch((error: unknown) => {
        if ((error as Error).name !== "AbortError") console.error("Could not load the model list", error);
      });
    return () => controller.abort();
  }, [apiKey]);
  return list;
}
