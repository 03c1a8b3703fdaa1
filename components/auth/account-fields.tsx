import { useTranslations } from 'next-intl';

import { fieldError, type ActionResult } from '@/lib/errors/field-errors';

import { NewPasswordField } from './new-password-field';
import { Field } from '../ui/field';
import { Input } from '../ui/input';

export interface AccountFieldsProps {
  /** The last answer of the form's action: its field errors are shown under each field. */
  result: ActionResult<unknown> | null;
  /** Where the account's fields sit in the action's input (`account` → `account.email`); none: at the top. */
  path?: string;
  /** A hint under the name. */
  nameHint?: string;
}

/** Name, e-mail and a new password: the fields of every form that creates an account. */
export function AccountFields({ result, path, nameHint }: AccountFieldsProps) {
  const t = useTranslations('auth');
  const errorOf = (field: string) => fieldError(result, path ? `${path}.${field}` : field);
  return (
    <>
      <Field id="name" label={t('name')} hint={nameHint} error={errorOf('name')}>
        {(control) => <Input {...control} name="name" autoComplete="name" required maxLength={100} autoFocus />}
      </Field>
      <Field id="email" label={t('email')} error={errorOf('email')}>
        {(control) => <Input {...control} name="email" type="email" autoComplete="email" required />}
      </Field>
      <NewPasswordField name="password" label={t('password')} error={errorOf('password')} />
    </>
  );
}
