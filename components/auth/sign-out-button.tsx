'use client';

import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';

import { Button } from '../ui/button';

/** Ends the session and returns to the library. */
export function SignOutButton() {
  const t = useTranslations('header');
  const [isPending, setIsPending] = useState(false);
  const handleClick = () => {
    setIsPending(true);
    void signOut({ callbackUrl: '/' });
  };
  return (
    <Button variant="ghost" size="sm" onClick={handleClick} disabled={isPending}>
      {isPending ? t('signingOut') : t('signOut')}
    </Button>
  );
}
