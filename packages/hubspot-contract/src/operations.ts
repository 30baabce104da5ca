import { type Operation, type OperationTest, readConfirmedOperation } from './filters';
import { readBeforeTodayOperation, readNumberRangeOperation } from './unverified-formats';

/** What a stored filter operation tests, for every operation the app sends; null for any other. */
export const readOperation = (operation: Operation): OperationTest | null =>
  readConfirmedOperation(operation) ?? readBeforeTodayOperation(operation) ?? readNumberRangeOperation(operation);
