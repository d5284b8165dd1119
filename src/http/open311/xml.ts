/** An element: text content (null = empty element) or child elements. */
export type XmlNode = { name: string; text: string | number | boolean | null } | { name: string; children: XmlNode[] };

// Characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF): dropped, not escaped.
// eslint-disable-next-line no-control-regex -- naming the allowed control characters is the point
const NOT_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text as XML character data: markup characters escaped, so HTML in a description stays text. */
export const escapeXml = (text: string): string => text.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

const render = (node: XmlNode): string => {
  if ('children' in node) return `<${node.name}>${node.children.map(render).join('')}</${node.name}>`;
  return node.text === null || node.text === '' ? `<${node.name}/>` : `<${node.name}>${escapeXml(String(node.text))}</${node.name}>`;
};

export const toXmlDocument = (root: XmlNode): string => `<?xml version="1.0" encoding="UTF-8"?>\n${render(root)}\n`;

type Scalar = string | number | boolean | null;

/** A flat record as elements in key order, e.g. one `<request>`. */
export const elementOf = (name: string, record: Record<string, Scalar>): XmlNode => ({
  name,
  children: Object.entries(record).map(([key, value]) => ({ name: key, text: value })),
});

/** A list wrapped in its plural element: `<services><service>…</service></services>`. */
export const listOf = <T>(name: string, items: readonly T[], toNode: (item: T) => XmlNode): XmlNode => ({ name, children: items.map(toNode) });
