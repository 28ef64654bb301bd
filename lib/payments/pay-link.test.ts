import { describe, expect, it } from 'vitest';
import { isValidPayCapability, payCapability, simulatorPayUrl } from './pay-link';

describe('payUrl capability', () => {
  const until = new Date(Date.now() + 30 * 60_000);
  it('is bound to its order and signed', () => {
    const cap = payCapability('GJ20261201-000001', until);
    expect(isValidPayCapability('GJ20261201-000001', cap)).toBe(true);
    expect(isValidPayCapability('GJ20261201-000002', cap)).toBe(false);
    const [exp, mac] = cap.split('.');
    expect(isValidPayCapability('GJ20261201-000001', `${Number(exp) + 86_400}.${mac}`)).toBe(false); // extended
    // One character of the MAC changed (never to itself: a MAC that already ends in A gets a B).
    const last = mac!.endsWith('A') ? 'B' : 'A';
    expect(isValidPayCapability('GJ20261201-000001', `${exp}.${mac!.slice(0, -1)}${last}`)).toBe(false);
    for (const bad of ['', 'x', `${exp}.`, `.${mac}`, `${exp}.${mac}.x`, `-1.${mac}`, null, undefined])
      expect(isValidPayCapability('GJ20261201-000001', bad)).toBe(false);
  });
  it('expires a day after the order does', () => {
    const cap = payCapability('GJ20261201-000001', until);
    expect(isValidPayCapability('GJ20261201-000001', cap, until.getTime() + 86_000_000)).toBe(true);
    expect(isValidPayCapability('GJ20261201-000001', cap, until.getTime() + 86_401_000)).toBe(false);
  });
  it('rides in the simulator link', () => {
    expect(simulatorPayUrl('GJ20261201-000001', until)).toMatch(
      /^\/pay\/simulated\/GJ20261201-000001\?cap=\d+\.[\w-]{43}$/,
    );
  });
});
