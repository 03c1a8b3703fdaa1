'use client';

import { signOut } from 'next-auth/react';
import { useState } from 'react';

import { Button } from '../ui/button';

/** Ends the session and returns to the library. */
export function SignOutButton() {
  const [isPending, setIsPending] = useState(false);
  const handleClick = () => {
    setIsPending(true);
    void signOut({ callbackUrl: '/' });
  };
  return (
    <Button variant="ghost" size="sm" onClick={handleClick} disabled={isPending}>
      {isPending ? 'Signing out…' : 'Sign out'}
    </Button>
  );
}
