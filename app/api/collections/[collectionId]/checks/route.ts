import { checkSettingsInput } from '@/lib/checks/schemas';
import { updateCheckSettings } from '@/lib/checks/update-check-settings';
import { defineRoute } from '@/lib/http/route';

/** Sets the collection's quality checks on or off and blocking or not (`{ settings: [{ check, isEnabled, isBlocking }] }`); answers the settings as they are now. */
export const PUT = defineRoute({
  permission: 'check.configure',
  input: checkSettingsInput,
  maxBodyBytes: 16 * 1024,
  handler: async ({ actor, input }) => Response.json({ settings: await updateCheckSettings({ actor, input }) }),
});
