/** The durable case store: versioned lowdb documents, written atomically and durably. */
export { createFileCaseStore, type FileCaseStore, type FileCaseStoreOptions } from './file-case-store';
export { openDocument, type DocumentSpec, type Migration, type OpenedDocument, type CorruptFile } from './document';
export { fileTimestamp, setAside, type SetAsideOptions } from './set-aside';
export { DurableTextFile, DurableJsonFile } from './durable-file';
export { fsyncDirectory, nodeDurableFs, type DurableFs } from './durable-fs';
export { writeDataset, type Dataset } from './dataset';
export { finishImport } from './transfer';
export { CASE_ID_PREFIX, FIRST_CASE_NUMBER, META_FILE, REVIEWS_DIR, RUNTIME_STATE_FILE, SETTINGS_FILE } from './layout';
export type { IntegrityReport } from './integrity';
export { StorageDamageError, StoreError, type StoreErrorCode } from './errors';
export { latestBackupOf } from './backups';
export { applyPendingRestores, requestRestore, RESTORE_FILE } from './restore';
