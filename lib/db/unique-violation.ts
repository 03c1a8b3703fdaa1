import { Prisma } from './client';

/**
 * Whether a query failed on a unique index (PostgreSQL's 23505), the one named `index` when given:
 * what a check made before writing cannot rule out when another transaction writes the same key
 * at the same time. Prisma reports it as P2002 for its own queries and as P2010 with the
 * database's code and message for raw ones.
 */
export function isUniqueViolation(error: unknown, index?: string): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  const said = `${error.message} ${JSON.stringify(error.meta ?? {})}`;
  const isUnique = error.code === 'P2002' || (error.code === 'P2010' && /\b23505\b/u.test(said));
  return isUnique && (index === undefined || said.includes(index));
}
