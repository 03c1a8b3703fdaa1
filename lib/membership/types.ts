/** A collection as its administrators manage it. */
export interface ManagedCollection {
  id: string;
  slug: string;
  title: string;
  /** `isSelfGranted`: the member granted the role to themselves (whoever creates a collection is its admin so). */
  members: { userId: string; name: string; email: string; role: 'EDITOR' | 'ADMIN'; grantedBy: string | null; isSelfGranted: boolean; since: string }[];
}
