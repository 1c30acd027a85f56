import { safeStorage } from 'electron';
import type { SecretProtector } from '../core/team';

/** The team address encrypted by the operating system's keyring, where Electron has one; else the 0600 file alone. */
export function electronSecretProtector(): SecretProtector | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  return {
    encrypt: (text) => safeStorage.encryptString(text),
    decrypt: (data) => safeStorage.decryptString(data),
  };
}
