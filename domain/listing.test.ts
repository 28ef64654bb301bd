import { describe, expect, it } from 'vitest';
import { checkStockAdjustment, delistTransition, editTransition, submitTransition } from './listing';

describe('submitTransition', () => {
  it('lists at once with a certificate in force, otherwise waits for review', () => {
    expect(submitTransition({ status: 'draft', hasPendingCert: false, hasCertInForce: true })).toEqual({
      ok: true,
      next: 'listed',
    });
    expect(submitTransition({ status: 'delisted', hasPendingCert: false, hasCertInForce: true })).toEqual({
      ok: true,
      next: 'listed',
    });
    expect(submitTransition({ status: 'draft', hasPendingCert: true, hasCertInForce: false })).toEqual({
      ok: true,
      next: 'in_review',
    });
    expect(submitTransition({ status: 'draft', hasPendingCert: true, hasCertInForce: true })).toEqual({
      ok: true,
      next: 'in_review',
    });
  });
  it('refuses without a certificate, and twice', () => {
    expect(submitTransition({ status: 'draft', hasPendingCert: false, hasCertInForce: false })).toMatchObject({
      ok: false,
      error: '请先提交扶贫产品认定证书',
    });
    expect(submitTransition({ status: 'listed', hasPendingCert: false, hasCertInForce: true }).ok).toBe(false);
    expect(submitTransition({ status: 'in_review', hasPendingCert: true, hasCertInForce: false }).ok).toBe(false);
  });
});

describe('delistTransition', () => {
  it('delists listed and in-review products only', () => {
    expect(delistTransition('listed')).toEqual({ ok: true, next: 'delisted' });
    expect(delistTransition('in_review')).toEqual({ ok: true, next: 'delisted' });
    expect(delistTransition('draft').ok).toBe(false);
    expect(delistTransition('delisted').ok).toBe(false);
  });
});

describe('editTransition', () => {
  const base = { before: { name: '彝绣围巾', spec: '180×60cm' }, hasApprovedCert: true };
  it('sends a certified product back to review when its name or spec changes', () => {
    expect(editTransition({ ...base, status: 'listed', after: { name: '彝绣大围巾', spec: '180×60cm' } })).toEqual({
      reReview: true,
      next: 'in_review',
    });
    expect(editTransition({ ...base, status: 'listed', after: { name: '彝绣围巾', spec: '200×70cm' } })).toEqual({
      reReview: true,
      next: 'in_review',
    });
    expect(editTransition({ ...base, status: 'delisted', after: { name: '新名', spec: '180×60cm' } })).toEqual({
      reReview: true,
      next: 'delisted',
    });
  });
  it('leaves price, description and whitespace edits alone', () => {
    expect(editTransition({ ...base, status: 'listed', after: { name: ' 彝绣围巾 ', spec: '180×60cm' } })).toEqual({
      reReview: false,
      next: 'listed',
    });
    expect(
      editTransition({ ...base, hasApprovedCert: false, status: 'draft', after: { name: 'x', spec: 'y' } }),
    ).toEqual({ reReview: false, next: 'draft' });
  });
});

describe('checkStockAdjustment', () => {
  it('never goes below zero', () => {
    expect(checkStockAdjustment(5, -5)).toBeNull();
    expect(checkStockAdjustment(5, -6)).toContain('最多减少 5');
    expect(checkStockAdjustment(5, 0)).toContain('非零');
    expect(checkStockAdjustment(5, 1.5)).toContain('非零');
    expect(checkStockAdjustment(0, 20)).toBeNull();
  });
});
