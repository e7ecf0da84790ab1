/**
 * The one HTML escaper: text placed in HTML or XML (the SVG cards), as element content or as a single- or
 * double-quoted attribute value. It replaces the five characters that can end a text or an attribute (`& < > " '`)
 * with entities every HTML and XML parser reads (`&#39;`, not the HTML-only `&apos;`).
 */
const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}
