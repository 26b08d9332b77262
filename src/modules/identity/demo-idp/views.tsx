import type { ComponentChildren } from 'preact';
import { trustLevelNames } from '../trust-levels.ts';
import { AutoPostForm } from '../views/auto-post-form.tsx';
import type { AuthnRequestInfo } from './parse-authn-request.ts';
import { demoPersonas } from './personas.ts';

/** The demo IdP's own page frame, unmistakably a test system. */
export function DemoIdpPage({
  title,
  assetVersion,
  children,
}: {
  title: string;
  assetVersion: string;
  children: ComponentChildren;
}) {
  return (
    <html lang="de">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – Testsystem Demo-Identitätsanbieter`}</title>
        <link rel="stylesheet" href={`/assets/kern/kern.min.css?v=${assetVersion}`} />
        <link rel="stylesheet" href={`/assets/sac.css?v=${assetVersion}`} />
      </head>
      <body>
        <header class="kern-alert kern-alert--warning">
          <div class="kern-container">
            <p class="kern-body kern-body--bold">
              Testsystem: Demo-Identitätsanbieter. Hier melden sich nur Testpersonen an – keine echten Daten eingeben.
            </p>
          </div>
        </header>
        <main id="inhalt" class="kern-container sac-main kern-stack-lg">
          {children}
        </main>
      </body>
    </html>
  );
}

function TextField({ name, label, type = 'text' }: { name: string; label: string; type?: 'text' | 'email' }) {
  return (
    <div class="kern-form-input">
      <label class="kern-label" for={`f-${name}`}>
        {label}
      </label>
      {type === 'email' ? (
        <input class="kern-form-input__input" id={`f-${name}`} name={name} type="email" />
      ) : (
        <input class="kern-form-input__input" id={`f-${name}`} name={name} type="text" />
      )}
    </div>
  );
}

/** Choose a persona or describe a custom test person; the original request travels along. */
export function DemoLoginForm({
  basePath,
  request,
  hidden,
}: {
  basePath: string;
  request: AuthnRequestInfo;
  hidden: Record<string, string>;
}) {
  const hiddenInputs = Object.entries(hidden).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />);
  return (
    <>
      <h1 class="kern-heading-large">Anmeldung am Testsystem</h1>
      <p class="kern-body">
        Der Dienst „{request.issuer}“ verlangt mindestens das Vertrauensniveau{' '}
        <strong>{trustLevelNames[request.requestedLevel]}</strong>. Wählen Sie eine Testperson.
      </p>
      <form method="post" action={`${basePath}/anmelden`}>
        {hiddenInputs}
        <fieldset class="kern-fieldset">
          <legend class="kern-label">Testperson</legend>
          {demoPersonas.map((p, i) => (
            <div class="kern-form-check" key={p.id}>
              <input
                class="kern-form-check__radio"
                type="radio"
                id={`p-${p.id}`}
                name="persona"
                value={p.id}
                checked={i === 0}
              />
              <label class="kern-label" for={`p-${p.id}`}>
                {p.label} – {p.description}
              </label>
            </div>
          ))}
        </fieldset>
        <button type="submit" class="kern-btn kern-btn--primary">
          <span class="kern-label">Als Testperson anmelden</span>
        </button>
      </form>
      <h2 class="kern-heading-medium">Eigene Testperson</h2>
      <form method="post" action={`${basePath}/anmelden`} class="kern-stack">
        {hiddenInputs}
        <input type="hidden" name="persona" value="eigene" />
        <TextField name="kennung" label="Kennung (bleibt bei jeder Anmeldung gleich)" />
        <TextField name="givenName" label="Vorname" />
        <TextField name="surname" label="Familienname" />
        <TextField name="birthdate" label="Geburtsdatum (JJJJ-MM-TT)" />
        <TextField name="street" label="Straße und Hausnummer" />
        <TextField name="postalCode" label="Postleitzahl" />
        <TextField name="locality" label="Ort" />
        <TextField name="email" label="E-Mail-Adresse" type="email" />
        <div class="kern-form-input">
          <label class="kern-label" for="f-level">
            Vertrauensniveau
          </label>
          <select class="kern-form-input__select" id="f-level" name="level">
            <option value="basisregistrierung">Basisregistrierung</option>
            <option value="substantiell">substantiell</option>
            <option value="hoch">hoch</option>
          </select>
        </div>
        <button type="submit" class="kern-btn kern-btn--secondary">
          <span class="kern-label">Mit eigener Testperson anmelden</span>
        </button>
      </form>
    </>
  );
}

export function DemoPostBack({
  action,
  fields,
  basePath,
}: {
  action: string;
  fields: Record<string, string>;
  basePath: string;
}) {
  return (
    <>
      <h1 class="kern-heading-large">Anmeldung erfolgreich</h1>
      <AutoPostForm
        action={action}
        fields={fields}
        text="Sie werden zum Serviceportal zurückgeleitet."
        scriptSrc={`${basePath}/auto-submit.js`}
      />
    </>
  );
}
