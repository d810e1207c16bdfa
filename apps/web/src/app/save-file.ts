/**
 * Hand the browser bytes to save as a file: files that need a credential (a member's Bearer
 * header) cannot be plain links, and pictures drawn on the page have no address at all.
 */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
