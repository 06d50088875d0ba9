/**
 * Test helper: a small, strict XML well-formedness checker (no external
 * parser is installed). Returns the problems found (empty when the document
 * is well formed) and the root element's name.
 */

const NAME = /^[A-Za-z_:][-A-Za-z0-9._:]*$/;
const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9A-Fa-f]+);/g;

/** Text or attribute value: no `<`, and every `&` starts a known entity. */
function checkText(text: string, where: string, problems: string[]): void {
  if (text.includes('<')) problems.push(`raw '<' in ${where}`);
  if (text.replace(ENTITY, '').includes('&')) problems.push(`raw '&' in ${where}`);
}

/** Checks one start tag's inside (`name attr="v" ...`); returns the element name. */
function checkStartTag(inside: string, problems: string[]): string {
  const match = /^([^\s/>]+)([\s\S]*)$/.exec(inside);
  const name = match?.[1] ?? '';
  if (!NAME.test(name)) problems.push(`bad element name '${name}'`);
  let rest = match?.[2] ?? '';
  const seen = new Set<string>();
  while (rest.trim() !== '') {
    const attr = /^\s+([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/.exec(rest);
    if (!attr) {
      problems.push(`bad attributes in <${name}>: '${rest.trim().slice(0, 40)}'`);
      break;
    }
    if (!NAME.test(attr[1])) problems.push(`bad attribute name '${attr[1]}'`);
    if (seen.has(attr[1])) problems.push(`duplicate attribute '${attr[1]}' in <${name}>`);
    seen.add(attr[1]);
    checkText(attr[3] ?? attr[4] ?? '', `attribute ${attr[1]} of <${name}>`, problems);
    rest = rest.slice(attr[0].length);
  }
  return name;
}

/** Checks that `xml` is a well-formed XML document. */
export function checkWellFormed(xml: string): { problems: string[]; root?: string } {
  const problems: string[] = [];
  const stack: string[] = [];
  let root: string | undefined;
  let closedRoot = false;
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    if (stack.length === 0 && text.trim() !== '') problems.push(`text outside the root: '${text.trim().slice(0, 40)}'`);
    checkText(text, 'text', problems);
    if (lt < 0) break;
    if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt);
      if (end < 0 || lt !== 0) problems.push('misplaced or unterminated XML declaration');
      i = end < 0 ? xml.length : end + 2;
    } else if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt);
      if (end < 0) problems.push('unterminated comment');
      i = end < 0 ? xml.length : end + 3;
    } else {
      const end = xml.indexOf('>', lt);
      if (end < 0) {
        problems.push('unterminated tag');
        break;
      }
      const tag = xml.slice(lt + 1, end);
      i = end + 1;
      if (tag.startsWith('/')) {
        const name = tag.slice(1).trim();
        const open = stack.pop();
        if (open !== name) problems.push(`</${name}> closes <${open ?? 'nothing'}>`);
        if (stack.length === 0) closedRoot = true;
      } else {
        const selfClosing = tag.endsWith('/');
        const name = checkStartTag(selfClosing ? tag.slice(0, -1) : tag, problems);
        if (stack.length === 0) {
          if (root !== undefined) problems.push(`second root element <${name}>`);
          root = name;
        }
        if (selfClosing) {
          if (stack.length === 0) closedRoot = true;
        } else stack.push(name);
      }
    }
  }
  if (stack.length > 0) problems.push(`unclosed elements: ${stack.join(', ')}`);
  if (!closedRoot) problems.push('no complete root element');
  return { problems, root };
}
