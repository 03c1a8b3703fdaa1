/** The signed-in user as the site chrome sees them. */
export interface Viewer {
  name: string;
  email: string;
  /** May import works into at least one collection. */
  canImport: boolean;
  /** May manage the members of at least one collection. */
  canManageMembers: boolean;
  /** Reviews suggestions in at least one collection. */
  canReview: boolean;
  /** Notifications not read yet (the header's badge). */
  unreadNotifications: number;
}
