/** An open action item of a post-incident review, as the review module reports it. */
export interface ActionItem {
  readonly caseId: string;
  readonly itemId: string;
  readonly title: string;
  readonly dueAt: string;
}

/** The review module's hook: every open action item. Until it is provided there are none. */
export type ActionItemSource = () => Promise<readonly ActionItem[]> | readonly ActionItem[];

export const noActionItems: ActionItemSource = () => [];
