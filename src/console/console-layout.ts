import type { Actor } from '../organisation/actor.js';
import { navigationFor, type NavigationItem } from './console-navigation.js';

/** What the console layout shows around every page: `console` in the templates. */
export interface ConsoleLayout {
  name: string;
  csrfToken: string;
  navigation: NavigationItem[];
}

export const consoleLayout = (actor: Actor, csrfToken: string, path: string): ConsoleLayout => ({
  name: actor.name,
  csrfToken,
  navigation: navigationFor(actor, path),
});
