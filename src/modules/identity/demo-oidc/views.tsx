import { demoPersonas } from '../demo-idp/personas.ts';
import { parseReportedTrustLevel, trustLevelNames } from '../trust-levels.ts';
import { demoFaults } from './claims.ts';
import type { DemoOidcClient } from './clients.ts';
import { demoStaffPersonas } from './personas.ts';

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

function FaultSelect({ id }: { id: string }) {
  return (
    <div class="kern-form-input">
      <label class="kern-label" for={id}>
        Fehlerfall simulieren (nur Testsystem)
      </label>
      <select class="kern-form-input__select" id={id} name="fehlerfall">
        {Object.entries(demoFaults).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}

function Radio({ id, value, label, checked }: { id: string; value: string; label: string; checked: boolean }) {
  return (
    <div class="kern-form-check">
      <input class="kern-form-check__radio" type="radio" id={id} name="persona" value={value} checked={checked} />
      <label class="kern-label" for={id}>
        {label}
      </label>
    </div>
  );
}

/** The authorization page: choose a test person (citizen or staff, by client), or cancel. */
export function DemoOidcLoginForm({
  basePath,
  client,
  params,
}: {
  basePath: string;
  client: DemoOidcClient;
  params: Record<string, string>;
}) {
  const hidden = Object.entries(params).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />);
  const level = parseReportedTrustLevel(params.acr_values?.split(' ')[0]);
  const action = `${basePath}/anmelden`;
  return (
    <>
      <h1 class="kern-heading-large">Anmeldung am Testsystem (OpenID Connect)</h1>
      <p class="kern-body">
        Der Dienst „{client.name}“ bittet um eine Anmeldung
        {level && level !== 'none' ? (
          <>
            {' '}
            mit mindestens dem Vertrauensniveau <strong>{trustLevelNames[level]}</strong>
          </>
        ) : null}
        . Wählen Sie eine Testperson.
      </p>
      <form method="post" action={action} class="kern-stack">
        {hidden}
        <fieldset class="kern-fieldset">
          <legend class="kern-label">Testperson</legend>
          {client.audience === 'citizen'
            ? demoPersonas.map((p, i) => (
                <Radio
                  key={p.id}
                  id={`p-${p.id}`}
                  value={p.id}
                  label={`${p.label} – ${p.description}`}
                  checked={i === 0}
                />
              ))
            : demoStaffPersonas().map((p, i) => (
                <Radio
                  key={p.id}
                  id={`p-${i}`}
                  value={p.id}
                  label={`${p.name} – ${p.email} – ${p.description}`}
                  checked={i === 0}
                />
              ))}
        </fieldset>
        <FaultSelect id="f-fehlerfall" />
        <button type="submit" class="kern-btn kern-btn--primary">
          <span class="kern-label">Als Testperson anmelden</span>
        </button>
      </form>
      <h2 class="kern-heading-medium">Eigene Testperson</h2>
      <form method="post" action={action} class="kern-stack">
        {hidden}
        <input type="hidden" name="persona" value="eigene" />
        {client.audience === 'citizen' ? (
          <>
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
          </>
        ) : (
          <>
            <TextField name="email" label="E-Mail-Adresse" type="email" />
            <TextField name="name" label="Name" />
          </>
        )}
        <FaultSelect id="f-fehlerfall-eigene" />
        <button type="submit" class="kern-btn kern-btn--secondary">
          <span class="kern-label">Mit eigener Testperson anmelden</span>
        </button>
      </form>
      <form method="post" action={action}>
        {hidden}
        <input type="hidden" name="abbrechen" value="1" />
        <button type="submit" class="kern-btn kern-btn--tertiary">
          <span class="kern-label">Anmeldung abbrechen</span>
        </button>
      </form>
    </>
  );
}

export function DemoOidcError({ message }: { message: string }) {
  return (
    <>
      <h1 class="kern-heading-large">Anfrage abgelehnt</h1>
      <p class="kern-body">{message}</p>
    </>
  );
}
