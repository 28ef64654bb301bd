/**
 * Product descriptions: plain text, or a small Markdown subset (## headings, - lists, **bold**).
 * The result is a tree of text nodes that React renders as elements, so no HTML a supplier types can
 * ever reach the page: there is no raw-HTML path to sanitise.
 */
export type Inline = { text: string; strong: boolean };
export type Block =
  | { kind: 'heading'; inlines: Inline[] }
  | { kind: 'list'; items: Inline[][] }
  | { kind: 'paragraph'; inlines: Inline[] };

export function parseInline(s: string): Inline[] {
  const out: Inline[] = [];
  const parts = s.split(/(\*\*[^*]+\*\*)/);
  for (const p of parts) {
    if (!p) continue;
    if (p.startsWith('**') && p.endsWith('**') && p.length > 4) out.push({ text: p.slice(2, -2), strong: true });
    else out.push({ text: p, strong: false });
  }
  return out;
}

export function parseDescription(src: string): Block[] {
  const blocks: Block[] = [];
  let para: string[] = [];
  let list: Inline[][] | null = null;
  const flush = () => {
    if (para.length) blocks.push({ kind: 'paragraph', inlines: parseInline(para.join('\n')) });
    para = [];
    if (list) blocks.push({ kind: 'list', items: list });
    list = null;
  };
  for (const raw of src.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    const heading = /^#{1,3}\s+(.+)$/.exec(line);
    const item = /^\s*(?:[-*•]|\d+[.、])\s+(.+)$/.exec(line);
    if (!line.trim()) flush();
    else if (heading) {
      flush();
      blocks.push({ kind: 'heading', inlines: parseInline(heading[1]!) });
    } else if (item) {
      if (para.length) {
        blocks.push({ kind: 'paragraph', inlines: parseInline(para.join('\n')) });
        para = [];
      }
      (list ??= []).push(parseInline(item[1]!));
    } else {
      if (list) flush();
      para.push(line);
    }
  }
  flush();
  return blocks;
}
