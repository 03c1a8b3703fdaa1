import { useTranslations } from 'next-intl';

import { MIN_PASSWORD_CHARS } from '@/lib/config/limits';

import { Field } from '../ui/field';
import { Input } from '../ui/input';

/**
 * A new password (sign-up, administrator set-up, password change), with the rules the server
 * applies (lib/account/password-rules.ts) stated as its hint.
 */
export function NewPasswordField({ name, label, error }: { name: string; label: string; error: string | undefined }) {
  const t = useTranslations('auth');
  return (
    <Field id={name} label={label} hint={t('newPasswordHint', { min: MIN_PASSWORD_CHARS })} error={error}>
      {(control) => <Input {...control} name={name} type="password" autoComplete="new-password" required minLength={MIN_PASSWORD_CHARS} />}
    </Field>
  );
}
