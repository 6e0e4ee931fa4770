/** Hands `text` to the browser as a download named `fileName`. Browser only. */
export function saveFile(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  // Some browsers still read the blob after click() returns; FileSaver.js waits 40 s likewise.
  setTimeout(() => URL.revokeObjectURL(url), 40_000);
}
