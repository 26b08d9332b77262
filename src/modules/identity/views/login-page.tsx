import { type Branding, Layout, type PageContext } from '../../../platform/render/layout.tsx';
import type { Citizen } from '../citizen-session.ts';
import { loginMethodsFor, type TrustLevel, trustLevelNames } from '../trust-levels.ts';

export interface LoginPageProps {
  ctx: PageContext;
  branding: Branding | undefined;
  level: Exclude<TrustLevel, 'none'>;
  returnTo: string;
  csrf: string;
  providers: Array<{ key: string; label: string }>;
  citizen: Citizen | undefined;
}

/**
 * `/konto/anmelden`: choose a login provider. When the citizen is logged in at a lower level than the
 * service needs, this is the step-up page: it says which level is needed and which methods reach it.
 */
export function LoginPage({ ctx, branding, level, returnTo, csrf, providers, citizen }: LoginPageProps) {
  const stepUp = !!citizen;
  const title = stepUp ? 'Höheres Vertrauensniveau nötig' : 'Anmelden';
  return (
    <Layout ctx={ctx} title={title} tenant={branding}>
      <h1 class="kern-heading-large">{title}</h1>
      {stepUp ? (
        <p class="kern-body">
          Sie sind mit dem Vertrauensniveau „{trustLevelNames[citizen.trustLevel]}“ angemeldet. Für diesen Dienst ist
          mindestens „{trustLevelNames[level]}“ nötig. Bitte melden Sie sich mit einer der folgenden Methoden erneut an.
        </p>
      ) : (
        <p class="kern-body">
          Für diesen Dienst melden Sie sich mit Ihrem Nutzerkonto an. Nötig ist mindestens das Vertrauensniveau „
          {trustLevelNames[level]}“.
        </p>
      )}
      <h2 class="kern-heading-medium">
        Mit diesen Methoden erreichen Sie das Vertrauensniveau „{trustLevelNames[level]}“
      </h2>
      <ul class="kern-list">
        {loginMethodsFor[level].map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
      <h2 class="kern-heading-medium">Anmeldedienst wählen</h2>
      {providers.length === 0 ? (
        <p class="kern-body">Für dieses Serviceportal ist derzeit keine Anmeldung eingerichtet.</p>
      ) : (
        <ul class="kern-list sac-login-providers">
          {providers.map((p) => (
            <li key={p.key}>
              <form method="post" action={`/konto/anmelden/${encodeURIComponent(p.key)}`}>
                <input type="hidden" name="_csrf" value={csrf} />
                <input type="hidden" name="niveau" value={level} />
                <input type="hidden" name="zurueck" value={returnTo} />
                <button type="submit" class="kern-btn kern-btn--primary">
                  <span class="kern-label">Anmelden mit {p.label}</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a class="kern-link" href={backWithoutLogin(returnTo)}>
          Zurück, ohne mich anzumelden
        </a>
      </p>
    </Layout>
  );
}

/** An application page would only send the visitor here again: "back" goes to the portal instead. */
function backWithoutLogin(returnTo: string): string {
  const m = /^\/([a-z0-9-]+)\/antrag\//.exec(returnTo);
  return m ? `/${m[1]}` : returnTo;
}
