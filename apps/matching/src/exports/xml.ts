// The few XML primitives the IATI export needs. Every text and attribute value goes through
// escapeXml, and characters XML 1.0 forbids (control characters, lone surrogates) are dropped:
// a request title pasted from a word processor must not make the whole file unreadable.

const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function escapeXml(value: string | number): string {
  return String(value).replace(FORBIDDEN, '').replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

export type Attributes = Record<string, string | number | undefined>;

function attributes(attrs: Attributes): string {
  return Object.entries(attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(v as string | number)}"`)
    .join('');
}

/** `<name attrs>children</name>`, or self-closing when there are no children. */
export function element(name: string, attrs: Attributes, children: string[] = []): string {
  return children.length === 0 ? `<${name}${attributes(attrs)}/>` : `<${name}${attributes(attrs)}>${children.join('')}</${name}>`;
}

/** A text-only element. */
export function textElement(name: string, attrs: Attributes, text: string): string {
  return `<${name}${attributes(attrs)}>${escapeXml(text)}</${name}>`;
}
