import { fenToYuanText, type Fen } from '@/domain/money';
import type { FieldSpec } from './action-form';

/** A value the action needs but nobody types (the record's id). */
export function hiddenField(name: string, value: string): FieldSpec {
  return { name, label: '', type: 'hidden', defaultValue: value };
}

/** An amount typed in yuan (the action parses it to fen), prefilled from fen; empty when there is none. */
export function yuanInput(name: string, label: string, fen: Fen | null): FieldSpec {
  return { name, label, inputMode: 'decimal', defaultValue: fen === null ? '' : fenToYuanText(fen) };
}
