export { FAULT_RESPONSE_CODE, FactomosEmulator } from './emulator';
export type { ApiCall, EmulatorOptions, Fault, FaultType, RawRequest, ResponseMode } from './emulator';
export type { WebhookDelivery } from './webhooks';
export type { AddInvoicesOptions } from './seed';
export { UNDOCUMENTED_CODE, NOTIFICATION_TYPES, ERR } from './spec';
export { parseStr, phpUrldecode, phpUrlencode, phpJsonEncode } from './php';
export { encryptToBase64, decryptBytes, encodeResponse } from './crypto';
export * from './store';
