import { createElement } from 'react';
import { describe, expect, it } from 'vitest';

import { isMachineTranslationKey, SHORTCUTS } from '../../../components/editor/keyboard-shortcuts';
import { MachineDraftLabel, MachineTranslationControls, type MachineDraft } from '../../../components/editor/machine-translation';
import { MachineLabel } from '../../../components/machine-translation/machine-label';
import { renderInEnglish as renderToStaticMarkup } from '../../helpers/render-in-english';

const MARK = { id: '0190a5b0-0000-7000-8000-0000000000m1', provider: 'DEEPL', text: 'Nobody spoke.' };

describe('the machine translation label', () => {
  it('names the service, and says "edited" once the words differ (white space aside)', () => {
    expect(renderToStaticMarkup(createElement(MachineDraftLabel, { mark: MARK, draft: 'Nobody  spoke.\n' }))).toContain('>Machine translation (DeepL)<');
    const edited = renderToStaticMarkup(createElement(MachineDraftLabel, { mark: MARK, draft: 'No one spoke.' }));
    expect(edited).toContain('>Machine translation (DeepL), edited<');
    expect(edited).toContain('data-machine-edited="true"');
    // A mark naming no known service shows nothing rather than a made-up name.
    expect(renderToStaticMarkup(createElement(MachineDraftLabel, { mark: { ...MARK, provider: 'OTHER' }, draft: 'Nobody spoke.' }))).toBe('');
    expect(renderToStaticMarkup(createElement(MachineLabel, { origin: { provider: 'LIBRETRANSLATE', isEdited: false } }))).toContain('>Machine translation (LibreTranslate)<');
  });

  it('offers the button only where machine translation is offered', () => {
    const request = () => Promise.resolve();
    const offered: MachineDraft = { offer: { provider: 'DEEPL', name: 'DeepL' }, state: { status: 'idle' }, request };
    expect(renderToStaticMarkup(createElement(MachineTranslationControls, { machine: offered }))).toContain('Machine translation (DeepL)');
    expect(renderToStaticMarkup(createElement(MachineTranslationControls, { machine: { ...offered, offer: null, request: null } }))).toBe('');
    expect(renderToStaticMarkup(createElement(MachineTranslationControls, { machine: { ...offered, request: null } }))).toBe('');
    expect(renderToStaticMarkup(createElement(MachineTranslationControls, { machine: { ...offered, state: { status: 'error', message: 'DeepL quota used up.' } } }))).toContain('role="alert"');
  });

  it('is asked for with Alt+Shift+0 (the physical key), listed in the legend', () => {
    expect(isMachineTranslationKey({ key: ')', code: 'Digit0', altKey: true, shiftKey: true, ctrlKey: false, metaKey: false })).toBe(true);
    expect(isMachineTranslationKey({ key: '0', code: 'Digit0', altKey: true, shiftKey: false, ctrlKey: false, metaKey: false })).toBe(false);
    expect(isMachineTranslationKey({ key: ')', code: 'Digit0', altKey: true, shiftKey: true, ctrlKey: true, metaKey: false })).toBe(false);
    expect(SHORTCUTS.find((shortcut) => shortcut.command === 'insertMachine')?.ariaKeys).toBe('Alt+Shift+0');
  });
});
