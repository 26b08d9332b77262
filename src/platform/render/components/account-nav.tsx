import { type Lang, t } from '../i18n.ts';

/** The login state of a citizen as the page header shows it (built by the identity module per request). */
export interface AccountChrome {
  /** Given name and surname when the login provided them. */
  name: string | undefined;
  /** The login provider's label, shown when there is no name. */
  via: string;
}

/** Where a header "Anmelden" link sends the visitor back to; the login pages themselves need none. */
function loginHref(path: string): string {
  const back = path.startsWith('/konto/anmelden') ? '/' : path;
  return `/konto/anmelden?zurueck=${encodeURIComponent(back)}`;
}

/**
 * Header items: "Anmelden" for visitors; for a logged-in citizen the name and links to "Mein Konto" and
 * "Abmelden". The logout link opens a page whose button posts (with CSRF token), so no prefetch or image
 * tag can log anyone out, and the header holds no form.
 */
export function AccountNav({ lang, path, account }: { lang: Lang; path: string; account: AccountChrome | null }) {
  if (!account)
    return (
      <li>
        <a class="kern-link" href={loginHref(path)}>
          {t(lang, 'login')}
        </a>
      </li>
    );
  return (
    <>
      <li>
        <span class="kern-body">
          {account.name ? (
            <>
              {t(lang, 'loggedInAs')} <strong>{account.name}</strong>
            </>
          ) : (
            `${t(lang, 'loggedInVia')} ${account.via}`
          )}
        </span>
      </li>
      <li>
        <a class="kern-link" href="/konto">
          {t(lang, 'myAccount')}
        </a>
      </li>
      <li>
        <a class="kern-link" href="/konto/abmelden">
          {t(lang, 'logout')}
        </a>
      </li>
    </>
  );
}
