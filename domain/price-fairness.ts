/** The national platform removes overpriced suppliers: a price more than 30% above the reference market price is flagged. */
export function isOverpriced(priceFen: number, referencePriceFen: number | null): boolean {
  return referencePriceFen !== null && referencePriceFen > 0 && priceFen * 10 > referencePriceFen * 13;
}
