"use client";

import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { format, messages as t } from "@/lib/i18n";
import { useWorkspace } from "@/lib/store/workspace-store";
import { exportTools, importTools } from "@/lib/tools/transfer";

function download(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

/** Import tools from a JSON file, export them as Mistral's `tools` array. */
export function ToolsTransfer() {
  const fileInput = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const hasTools = useWorkspace((s) => s.parameters.tools.length > 0);

  async function onFile(file: File) {
    const { parameters, setParameter } = useWorkspace.getState();
    const result = importTools(parameters.tools, await file.text());
    if (result.ok) {
      setParameter("tools", result.value.tools);
      setStatus({ ok: true, text: format(t.tools.imported, { n: result.value.imported }) });
    } else {
      setStatus({ ok: false, text: result.error });
    }
  }

  function onExport() {
    const result = exportTools(useWorkspace.getState().parameters.tools);
    if (result.ok) {
      download("tools.json", `${JSON.stringify(result.value, null, 2)}\n`);
      setStatus(null);
    } else {
      setStatus({ ok: false, text: result.error });
    }
  }

  return (
    <div className="space-y-1">
      <div className="flex gap-1">
        <Button size="sm" variant="ghost" aria-label={t.tools.importLabel} onClick={() => fileInput.current?.click()}>
          {t.tools.import}
        </Button>
        <Button size="sm" variant="ghost" aria-label={t.tools.exportLabel} onClick={onExport} disabled={!hasTools}>
          {t.tools.export}
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          className="hidden"
          onChange={(event) => {
            const file = event.target.files?.[0];
            // Cleared so that choosing the same file again is a change too.
            event.target.value = "";
            if (file) void onFile(file);
          }}
        />
      </div>
      {status ? (
        <p role="status" className={status.ok ? "text-xs text-success" : "text-xs text-danger"}>
          {status.text}
        </p>
      ) : null}
    </div>
  );
}
