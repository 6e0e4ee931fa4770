"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FilePickerButton } from "@/components/ui/file-picker-button";
import { saveFile } from "@/lib/export/save-file";
import { useTranslations } from "next-intl";
import { useWorkspace } from "@/lib/store/workspace-store";
import { exportTools, importTools } from "@/lib/tools/transfer";

/** Import tools from a JSON file, export them as Mistral's `tools` array. */
export function ToolsTransfer() {
  const t = useTranslations();
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const hasTools = useWorkspace((s) => s.parameters.tools.length > 0);

  async function onFile(file: File) {
    const { parameters, setParameter } = useWorkspace.getState();
    const result = importTools(parameters.tools, await file.text());
    if (result.ok) {
      setParameter("tools", result.value.tools);
      setStatus({ ok: true, text: t("tools.imported", { n: result.value.imported }) });
    } else {
      setStatus({ ok: false, text: result.error });
    }
  }

  function onExport() {
    const result = exportTools(useWorkspace.getState().parameters.tools);
    if (result.ok) {
      saveFile(`${JSON.stringify(result.value, null, 2)}\n`, "tools.json", "application/json");
      setStatus(null);
    } else {
      setStatus({ ok: false, text: result.error });
    }
  }

  return (
    <div className="space-y-1">
      <div className="flex gap-1">
        <FilePickerButton
          size="sm"
          variant="ghost"
          aria-label={t("tools.importLabel")}
          accept=".json,application/json"
          onFile={(file) => void onFile(file)}
        >
          {t("tools.import")}
        </FilePickerButton>
        <Button size="sm" variant="ghost" aria-label={t("tools.exportLabel")} onClick={onExport} disabled={!hasTools}>
          {t("tools.export")}
        </Button>
      </div>
      {status ? (
        <p role="status" data-ok={status.ok} className="text-xs text-danger data-[ok=true]:text-success">
          {status.text}
        </p>
      ) : null}
    </div>
  );
}
