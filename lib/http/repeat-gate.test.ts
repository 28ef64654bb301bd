import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { repeatGate } from './repeat-gate';

describe('repeatGate', () => {
  it('says no to a first ask and yes to a second within the window, not after it', () => {
    let t = 0;
    const asked = repeatGate({ max: 10, windowMs: 1000, now: () => t });
    expect(asked('芒果')).toBe(false);
    t = 1000;
    expect(asked('芒果')).toBe(true);
    t = 2001;
    expect(asked('芒果')).toBe(false);
    expect(asked('芒果')).toBe(true);
    expect(asked('红河')).toBe(false);
  });

  it('forgets the least recently asked beyond max (many made-up keys)', () => {
    const asked = repeatGate({ max: 3, windowMs: 60_000 });
    asked('a');
    asked('b');
    asked('a');
    asked('c');
    asked('d'); // b, the least recently asked, is forgotten
    expect(asked('b')).toBe(false);
    expect(asked('a')).toBe(false); // forgotten in turn when b came back
    expect(asked('d')).toBe(true);
  });

  it('agrees with a from-scratch model of the last max keys (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 60 }),
        (max, keys) => {
          const asked = repeatGate({ max, windowMs: Infinity });
          const recent: string[] = [];
          for (const k of keys) {
            expect(asked(k)).toBe(recent.includes(k));
            const i = recent.indexOf(k);
            if (i >= 0) recent.splice(i, 1);
            recent.push(k);
            if (recent.length > max) recent.shift();
          }
        },
      ),
    );
  });
});
