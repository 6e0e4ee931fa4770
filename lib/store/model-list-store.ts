import { create } from "zustand";
import type { ModelList } from "@/lib/mistral/catalogue";

/**
 * The model list as last fetched from /api/models: the parameters show it, Run reads it to refuse
 * images for a model that cannot see them. Not persisted: it is fetched on every load.
 */
export const useModelCatalogue = create<{ list: ModelList | undefined }>(() => ({ list: undefined }));
