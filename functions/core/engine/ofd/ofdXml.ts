import { XMLBuilder } from 'fast-xml-parser';

export const OFD_NAMESPACE = 'http://www.ofdspec.org/2016';

/** An element or text in fast-xml-parser's ordered form: children in document order, attributes under ":@". */
export type XmlNode = Record<string, unknown>;

/**
 * fast-xml-parser's builder, in its ordered mode (siblings of different names stay in drawing
 * order), escaping text and attribute values. Four times as fast as xmlbuilder2's DOM here, which
 * took half an OFD's writing time.
 */
const builder = new XMLBuilder({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  suppressEmptyNode: true,
});

/** An element of the OFD namespace (every element carries the ofd: prefix: one viewer looks names up with it). */
export function element(
  name: string,
  attributes: Readonly<Record<string, string | number>> = {},
  children: XmlNode[] = [],
): XmlNode {
  return { [`ofd:${name}`]: children, ':@': attributes };
}

/** An element holding only text. */
export const textElement = (name: string, value: string, attributes: Readonly<Record<string, string | number>> = {}) =>
  element(name, attributes, [{ '#text': value }]);

/** The children of an element made by `element`, to append to. */
export const childrenOf = (node: XmlNode, name: string) => node[`ofd:${name}`] as XmlNode[];

/** One XML part: the declaration, then the root with the OFD namespace declared, as UTF-8. */
export function xmlPart(root: XmlNode): Uint8Array {
  const [name] = Object.keys(root).filter((key) => key !== ':@');
  const declared = { [name!]: root[name!], ':@': { 'xmlns:ofd': OFD_NAMESPACE, ...(root[':@'] as object) } };
  const declaration = { '?xml': [{ '#text': '' }], ':@': { version: '1.0', encoding: 'UTF-8' } };
  return new TextEncoder().encode(builder.build([declaration, declared]));
}
