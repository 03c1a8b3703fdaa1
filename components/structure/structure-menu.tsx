'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

import { choiceLabel, type StructureAction, type StructureChoice } from './structure-actions';
import { cn } from '../ui/cn';

export interface StructureMenuProps {
  choices: readonly StructureChoice[];
  isOpen: boolean;
  /** Opens (true) or closes (false) the menu; the editor keeps one open at a time. */
  onOpenChange: (isOpen: boolean) => void;
  onChoose: (action: StructureAction) => void;
  /** The keys of the editor's shortcut that opens it, for `aria-keyshortcuts`. */
  keyShortcuts?: string;
}

/**
 * The "Structure" button of a source row and its menu (the menu button pattern): Enter, Space or
 * ↓ opens it on its first item, ↑ on its last; arrows, Home and End move; Enter chooses; Escape
 * closes it and gives the focus back to the button; Tab or a click elsewhere closes it.
 */
export function StructureMenu({ choices, isOpen, onOpenChange, onChoose, keyShortcuts }: StructureMenuProps) {
  const t = useTranslations('structure');
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const [active, setActive] = useState(0);
  const [upward, setUpward] = useState(false);

  useEffect(() => {
    if (!isOpen) return;
    // Opens upward when the row is near the bottom of the window.
    const rect = button.current?.getBoundingClientRect();
    setUpward(!!rect && rect.bottom + 40 * choices.length + 16 > window.innerHeight && rect.top > window.innerHeight / 2);
    const onPointer = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node) && !button.current?.contains(event.target as Node)) onOpenChange(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [isOpen, onOpenChange, choices.length]);

  useEffect(() => {
    if (isOpen) menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]')[active]?.focus();
  }, [isOpen, active]);

  // Opened from the keyboard shortcut: the first item gets the focus.
  const wasOpen = useRef(isOpen);
  useEffect(() => {
    if (isOpen && !wasOpen.current) setActive((current) => Math.min(current, Math.max(0, choices.length - 1)));
    wasOpen.current = isOpen;
  }, [isOpen, choices.length]);

  if (choices.length === 0) return null;

  const open = (index: number) => {
    setActive(index);
    onOpenChange(true);
  };
  const close = (focusButton: boolean) => {
    onOpenChange(false);
    if (focusButton) button.current?.focus();
  };
  const handleButtonKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      open(0);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      open(choices.length - 1);
    }
  };
  const handleMenuKey = (event: KeyboardEvent<HTMLUListElement>) => {
    const last = choices.length - 1;
    const keys: Record<string, () => void> = {
      ArrowDown: () => setActive(active >= last ? 0 : active + 1),
      ArrowUp: () => setActive(active <= 0 ? last : active - 1),
      Home: () => setActive(0),
      End: () => setActive(last),
      Escape: () => close(true),
      Tab: () => close(false),
    };
    const run = keys[event.key];
    if (!run) return;
    if (event.key !== 'Tab') event.preventDefault();
    // Escape closes the menu only, not the panels around it.
    event.stopPropagation();
    run();
  };
  const choose = (action: StructureAction) => {
    onOpenChange(false);
    onChoose(action);
  };

  return (
    <span className="relative inline-block">
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={isOpen}
        aria-controls={isOpen ? menuId : undefined}
        aria-keyshortcuts={keyShortcuts}
        data-structure-menu-button=""
        onClick={() => (isOpen ? close(false) : open(0))}
        onKeyDown={handleButtonKey}
        className="inline-flex items-center rounded px-1.5 py-0.5 font-medium text-accent-700 hover:bg-accent-50 hover:text-accent-800 touch:min-h-11 touch:px-2.5"
      >
        {t('menu.button')} <span aria-hidden="true">▾</span>
      </button>
      {isOpen && (
        <ul
          ref={menu}
          id={menuId}
          role="menu"
          aria-label={t('menu.label')}
          onKeyDown={handleMenuKey}
          className={cn('absolute right-0 z-30 min-w-56 rounded-md border border-line bg-surface py-1 text-sm shadow-lg', upward ? 'bottom-full mb-1' : 'top-full mt-1')}
        >
          {choices.map((choice, index) => (
            <li key={choice.action} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={index === active ? 0 : -1}
                data-structure-action={choice.action}
                onClick={() => choose(choice.action)}
                onMouseEnter={() => setActive(index)}
                className="block w-full px-3 py-1.5 text-left text-ink hover:bg-accent-50 focus:bg-accent-50 focus:outline-none"
              >
                {choiceLabel(choice, t)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </span>
  );
}
