import { describe, expect, it } from 'vitest';
import { escapeLike, normalizeQuery, queryTerms } from './search';

describe('search input', () => {
  it('folds full-width characters, case and spacing', () => {
    expect(normalizeQuery('  ＡＢＣ　刺绣  ')).toBe('abc 刺绣');
  });
  it('splits into distinct terms, bounded in length and count', () => {
    expect(queryTerms('刺绣 围巾 刺绣')).toEqual(['刺绣', '围巾']);
    expect(queryTerms('a b c d e f g')).toHaveLength(5);
    expect(queryTerms('茶'.repeat(10_000)).join('')).toHaveLength(50);
    expect(queryTerms('   ')).toEqual([]);
  });
  it('escapes LIKE metacharacters', () => {
    expect(escapeLike('100%_\\')).toBe('100\\%\\_\\\\');
  });
});
