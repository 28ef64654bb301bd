import { stopPostgres } from './support';

export default function teardown(): void {
  stopPostgres();
}
