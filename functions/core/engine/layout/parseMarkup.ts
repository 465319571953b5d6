/**
 * The markup a template produces: a small XML dialect. Template sources carry location marks
 * (`<?at certificate.hbs 12?>`, added when a template is loaded), so every element knows the
 * template file and line it came from, even after loops and partials have moved it.
 */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
}

export interface MarkupElement extends SourceLocation {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly MarkupNode[];
}

export interface MarkupText extends SourceLocation {
  readonly text: string;
}

export type MarkupNode = MarkupElement | MarkupText;

export function isElement(node: MarkupNode): node is MarkupElement {
  return 'name' in node;
}

export class MarkupSyntaxError extends Error {
  override name = 'MarkupSyntaxError';
  constructor(
    readonly location: SourceLocation,
    message: string,
  ) {
    super(message);
  }
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string, location: SourceLocation): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);|&/g, (match, body: string | undefined) => {
    if (body === undefined) throw new MarkupSyntaxError(location, 'a bare "&" must be written &amp;');
    if (body.startsWith('#')) {
      const codePoint = body.startsWith('#x') ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (codePoint > 0x10ffff) throw new MarkupSyntaxError(location, `${match} is not a Unicode character`);
      return String.fromCodePoint(codePoint);
    }
    const named = NAMED_ENTITIES[body];
    if (named === undefined) throw new MarkupSyntaxError(location, `unknown entity ${match}`);
    return named;
  });
}

const NAME = /[A-Za-z][\w-]*/y;
const ATTRIBUTE = /\s*([A-Za-z][\w-]*)\s*=\s*"([^"]*)"/y;
const LOCATION_MARK = /<\?at (\S+) (\d+)\?>/y;

interface OpenElement extends SourceLocation {
  name: string;
  attributes: Record<string, string>;
  children: MarkupNode[];
}

/** Parses one root element; text between elements is kept as-is for the layout builder. */
export function parseMarkup(source: string, defaultFile = 'layout'): MarkupElement {
  let at = 0;
  let outputLine = 1;
  // The last location mark seen, and the output line it stood on.
  let mark = { file: defaultFile, line: 1, outputLine: 1 };
  const here = (): SourceLocation => ({ file: mark.file, line: mark.line + outputLine - mark.outputLine });
  const advance = (to: number) => {
    for (let i = at; i < to; i++) if (source.charCodeAt(i) === 10) outputLine++;
    at = to;
  };
  const stack: OpenElement[] = [{ name: '#root', attributes: {}, children: [], ...here() }];
  const top = () => stack.at(-1)!;
  while (at < source.length) {
    const open = source.indexOf('<', at);
    const textEnd = open === -1 ? source.length : open;
    if (textEnd > at) {
      const location = here();
      const raw = source.slice(at, textEnd);
      advance(textEnd);
      top().children.push({ text: decodeEntities(raw, location), ...location });
      continue;
    }
    LOCATION_MARK.lastIndex = at;
    const marked = LOCATION_MARK.exec(source);
    if (marked) {
      advance(LOCATION_MARK.lastIndex);
      mark = { file: marked[1]!, line: Number(marked[2]), outputLine };
      continue;
    }
    if (source.startsWith('<!--', at)) {
      const end = source.indexOf('-->', at);
      if (end === -1) throw new MarkupSyntaxError(here(), 'comment is not closed with -->');
      advance(end + 3);
      continue;
    }
    if (source.startsWith('</', at)) {
      NAME.lastIndex = at + 2;
      const name = NAME.exec(source)?.[0];
      const close = source.indexOf('>', at);
      const current = top();
      if (name === undefined || close === -1) throw new MarkupSyntaxError(here(), 'malformed closing tag');
      if (current.name !== name) {
        throw new MarkupSyntaxError(
          here(),
          `</${name}> does not close <${current.name}> (opened at ${current.file} line ${current.line})`,
        );
      }
      stack.pop();
      top().children.push(current);
      advance(close + 1);
      continue;
    }
    NAME.lastIndex = at + 1;
    const name = NAME.exec(source)?.[0];
    if (name === undefined) throw new MarkupSyntaxError(here(), 'a "<" that starts no element must be written &lt;');
    const element: OpenElement = { name, attributes: {}, children: [], ...here() };
    let cursor = at + 1 + name.length;
    for (;;) {
      ATTRIBUTE.lastIndex = cursor;
      const attribute = ATTRIBUTE.exec(source);
      if (!attribute) break;
      const [, key, value] = attribute as unknown as [string, string, string];
      if (key in element.attributes) throw new MarkupSyntaxError(here(), `<${name}> has "${key}" twice`);
      element.attributes[key] = decodeEntities(value, here());
      cursor = ATTRIBUTE.lastIndex;
    }
    const tail = /\s*(\/?)>/y;
    tail.lastIndex = cursor;
    const end = tail.exec(source);
    if (!end) throw new MarkupSyntaxError(here(), `<${name}>: malformed attribute (write name="value")`);
    advance(tail.lastIndex);
    if (end[1] === '/') top().children.push(element);
    else stack.push(element);
  }
  if (stack.length > 1) {
    const unclosed = top();
    throw new MarkupSyntaxError(unclosed, `<${unclosed.name}> is never closed`);
  }
  const root = stack[0]!;
  const elements = root.children.filter(isElement);
  const strayText = root.children.find((node) => !isElement(node) && node.text.trim() !== '');
  if (elements.length !== 1 || strayText) {
    throw new MarkupSyntaxError(strayText ?? root, 'the layout must be a single <document> element');
  }
  return elements[0]!;
}
