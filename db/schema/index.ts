export * from './catalog';
export * from './accounts';
export * from './programme';
export * from './orders';
export * from './ledger';
export * from './security';
export * from './benefit';
export * from './legacy';
