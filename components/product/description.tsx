import { parseDescription } from '@/domain/markdown';

/** A supplier's description as safe elements: plain text, or ## headings, - lists and **bold**. */
export function Description({ text }: { text: string }) {
  const blocks = parseDescription(text);
  const inline = (parts: { text: string; strong: boolean }[]) =>
    parts.map((p, i) => (p.strong ? <strong key={i}>{p.text}</strong> : <span key={i}>{p.text}</span>));
  return (
    <div className="mt-1 space-y-2 whitespace-pre-line text-neutral-800">
      {blocks.map((b, i) =>
        b.kind === 'heading' ? (
          <h3 key={i} className="pt-1 font-semibold">
            {inline(b.inlines)}
          </h3>
        ) : b.kind === 'list' ? (
          <ul key={i} className="list-disc space-y-0.5 pl-5">
            {b.items.map((it, j) => (
              <li key={j}>{inline(it)}</li>
            ))}
          </ul>
        ) : (
          <p key={i}>{inline(b.inlines)}</p>
        ),
      )}
    </div>
  );
}
