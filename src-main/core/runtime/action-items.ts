/** An open action item of a post-incident review, as the review module reports it. */
export interface ActionItem {
  readonly caseId: string;
  readonly itemId: string;
  readonly title: string;
  readonly dueAt: string;
}

/**
 * The review module's hook: every open action item, or those of one case when a case id is
 * given (extra items of other cases are ignored). Until it is provided there are none.
 */
export type ActionItemSource = (caseId?: string) => Promise<readonly ActionItem[]> | readonly ActionItem[];

export const noActionItems: ActionItemSource = () => [];
