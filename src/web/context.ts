import type { Actor } from '../domain/actor.ts';
import type { Locale, Translate } from '../i18n/index.ts';
import type { Deps } from '../services/deps.ts';
import type { StaffPrincipal } from '../services/staff/sessions.ts';

/** Variables every handler can read with `c.var`. */
export type AppEnv = {
  Variables: {
    deps: Deps;
    requestId: string;
    locale: Locale;
    t: Translate;
    csrfToken: string;
    /** The signed-in staff member (set by requireStaff under /staff). */
    staff: StaffPrincipal;
    /** The requester signed in by a magic link (requester portal pages only). */
    requester?: Actor;
  };
};
