import { MIN_PASSWORD_CHARS } from '@/lib/config/limits';

import { Field } from '../ui/field';
import { Input } from '../ui/input';

/**
 * A new password (sign-up, administrator set-up, password change), with the rules the server
 * applies (lib/account/password-rules.ts) stated as its hint.
 */
export function NewPasswordField({ name, label, error }: { name: string; label: string; error: string | undefined }) {
  return (
    <Field id={name} label={label} hint={`At least ${MIN_PASSWORD_CHARS} characters; not a common password, nor your name or e-mail.`} error={error}>
      {(control) => <Input {...control} name={name} type="password" autoComplete="new-password" required minLength={MIN_PASSWORD_CHARS} />}
    </Field>
  );
}
