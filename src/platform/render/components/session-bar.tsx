import { type Lang, t } from '../i18n.ts';

/** The session timeout facts of a page (logged-in citizen or open draft). */
export interface SessionChrome {
  /** When the session ends without activity (ISO), and the server's "now" for the script's countdown. */
  endsAt: string;
  serverNow: string;
  csrf: string;
  /** Where "Sitzung verlängern" returns to. */
  returnTo: string;
}

const clockTime = new Intl.DateTimeFormat('de-DE', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Berlin' });

/** The script that announces the warning 2 minutes before the end (progressive enhancement only). */
export const SESSION_SCRIPT_PATH = '/konto/sitzung.js';

/**
 * WCAG 2.2.1 (Timing Adjustable) without JavaScript: the page says when the session ends and offers
 * "Sitzung verlängern" (a POST that counts as activity). With JavaScript, a small external script also
 * announces a warning 2 minutes before the end in the live region below.
 */
export function SessionBar({ lang, session }: { lang: Lang; session: SessionChrome }) {
  const time = clockTime.format(new Date(session.endsAt));
  return (
    <section
      class="kern-container sac-session"
      aria-label={t(lang, 'sessionNotice')}
      data-session-ends={session.endsAt}
      data-server-now={session.serverNow}
      data-warning={t(lang, 'sessionWarning')}
      data-expired={t(lang, 'sessionExpired')}
    >
      <form method="post" action="/konto/sitzung" class="kern-stack">
        <p class="kern-body kern-body--small" id="sitzung-ende">
          {t(lang, 'sessionEnds').replace('{time}', time)}
        </p>
        <input type="hidden" name="_csrf" value={session.csrf} />
        <input type="hidden" name="zurueck" value={session.returnTo} />
        <div>
          <button type="submit" class="kern-btn kern-btn--secondary" aria-describedby="sitzung-ende">
            <span class="kern-label">{t(lang, 'sessionExtend')}</span>
          </button>
        </div>
      </form>
      <div id="sitzung-hinweis" aria-live="assertive" aria-atomic="true" />
      <script src={SESSION_SCRIPT_PATH} defer />
    </section>
  );
}

/**
 * The enhancement script, served as an external file (the CSP allows no inline script). It counts with
 * the server's clock offset, so a wrong device clock does not move the warning.
 */
export const sessionScript = `(function () {
  var bar = document.querySelector('[data-session-ends]');
  if (!bar) return;
  var live = document.getElementById('sitzung-hinweis');
  var remaining = Date.parse(bar.getAttribute('data-session-ends')) - Date.parse(bar.getAttribute('data-server-now'));
  var start = Date.now();
  function at(offset, key) {
    var wait = offset - (Date.now() - start);
    setTimeout(function () {
      var alert = document.createElement('div');
      alert.className = 'kern-alert kern-alert--warning';
      var body = document.createElement('div');
      body.className = 'kern-alert__body';
      var text = document.createElement('p');
      text.className = 'kern-body';
      text.textContent = bar.getAttribute(key);
      body.appendChild(text);
      alert.appendChild(body);
      live.replaceChildren(alert);
    }, Math.max(0, Math.min(wait, 2147483647)));
  }
  at(remaining - 120000, 'data-warning');
  at(remaining, 'data-expired');
})();
`;
