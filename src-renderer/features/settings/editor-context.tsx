import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { ErrorIssue } from '../../../src-shared/contract';
import type { Settings } from '../../../src-shared/settings';
import { fieldOf } from './field-paths';

export interface DraftAccess {
  readonly draft: Settings;
  readonly disabled: boolean;
  change(mutate: (draft: Settings) => void): void;
  /** Messages of the issues shown next to the field at this path. */
  messagesAt(field: string): readonly string[];
}

const DraftContext = createContext<DraftAccess | null>(null);

interface Props {
  readonly draft: Settings;
  readonly issues: readonly ErrorIssue[];
  readonly disabled: boolean;
  readonly change: (mutate: (draft: Settings) => void) => void;
  readonly children: ReactNode;
}

export function DraftProvider({ draft, issues, disabled, change, children }: Props) {
  const value = useMemo<DraftAccess>(() => {
    const byField = new Map<string, string[]>();
    for (const issue of issues) {
      const field = fieldOf(issue.path);
      const messages = byField.get(field) ?? [];
      if (!messages.includes(issue.message)) messages.push(issue.message);
      byField.set(field, messages);
    }
    return { draft, disabled, change, messagesAt: (field) => byField.get(field) ?? [] };
  }, [draft, issues, disabled, change]);
  return <DraftContext.Provider value={value}>{children}</DraftContext.Provider>;
}

export function useDraft(): DraftAccess {
  const access = useContext(DraftContext);
  if (!access) throw new Error('settings fields need a DraftProvider above them');
  return access;
}
