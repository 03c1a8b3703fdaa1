import { parse } from 'parse5';

/** An element of a parsed HTML page, as the tests look at it. */
export interface HtmlElement {
  tag: string;
  attrs: Record<string, string>;
  text: string;
  children: HtmlElement[];
}

interface Parse5Node {
  nodeName: string;
  tagName?: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Parse5Node[];
  content?: Parse5Node;
}

/** Parses a page as browsers do (parse5) and returns its elements in document order, flat, each with its text. */
export function htmlElements(html: string): HtmlElement[] {
  const all: HtmlElement[] = [];
  const visit = (node: Parse5Node): HtmlElement | null => {
    if (node.nodeName === '#text') return null;
    const children: HtmlElement[] = [];
    let text = '';
    const element: HtmlElement | null = node.tagName ? { tag: node.tagName, attrs: Object.fromEntries((node.attrs ?? []).map((attr) => [attr.name, attr.value])), text: '', children } : null;
    if (element) all.push(element);
    for (const child of node.childNodes ?? []) {
      if (child.nodeName === '#text') text += child.value ?? '';
      const visited = visit(child);
      if (visited) {
        children.push(visited);
        text += visited.text;
      }
    }
    if (element) element.text = text;
    return element;
  };
  visit(parse(html) as unknown as Parse5Node);
  return all;
}
