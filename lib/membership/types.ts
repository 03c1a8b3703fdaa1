/** A collection as its administrators manage it. */
export interface ManagedCollection {
  id: string;
  slug: string;
  title: string;
  members: { userId: string; name: string; email: string; role: 'EDITOR' | 'ADMIN'; grantedBy: string | null; since: string }[];
}
