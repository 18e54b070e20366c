/**
 * Offers `data` as a JSON file download named `fileName`: a temporary link, clicked and removed
 * from `container` (the shadow root, so nothing is left in the page), its URL revoked soon after.
 */
export function downloadJson(data: unknown, fileName: string, container: ParentNode): void {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  container.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
