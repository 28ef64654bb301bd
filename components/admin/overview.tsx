import { IntentLink } from '@/components/layout/intent-link';
import { cardClass } from '../ui/card';

/** The office's landing figures, each a link to the list behind it. */
export function AdminOverview({ cards }: { cards: { href: string; label: string; value: number }[] }) {
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      {cards.map((c) => (
        <li key={c.label}>
          <IntentLink href={c.href} className={`block p-4 hover:ring-brand-600 ${cardClass}`}>
            <span className="block text-sm text-neutral-700">{c.label}</span>
            <span className="text-3xl font-bold text-brand-700 tabular">{c.value}</span>
          </IntentLink>
        </li>
      ))}
    </ul>
  );
}
