/** Hands bytes to the user as a download: a blob URL, never a request off the machine. */
export function downloadBytes(name: string, data: Uint8Array, mime: string): void {
  const url = URL.createObjectURL(new Blob([data as BlobPart], { type: mime }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The school year in progress on `today` (a school year starts in September; from August on, the coming one). */
export function currentSchoolYear(today: Date): string {
  const y = today.getFullYear();
  const start = today.getMonth() >= 7 ? y : y - 1;
  return `${start}-${start + 1}`;
}
