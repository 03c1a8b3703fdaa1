/** Property set on every handler built by defineRoute / defineAction (checked by a test over app/). */
export const GUARDED = '__interlinearGuarded';

export type Guarded<T> = T & { [GUARDED]: { permission: string | null } };

export function markGuarded<T extends object>(handler: T, permission: string | null): Guarded<T> {
  Object.defineProperty(handler, GUARDED, { value: { permission }, enumerable: false });
  return handler as Guarded<T>;
}
