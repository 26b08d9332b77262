import { type Branding, Layout, type PageContext } from '../../../platform/render/layout.tsx';
import { AutoPostForm } from './auto-post-form.tsx';

/** The generic German answer to every refused login (the reason goes to the audit log only). */
export function LoginFailedPage({ ctx }: { ctx: PageContext }) {
  return (
    <Layout ctx={ctx} title="Anmeldung fehlgeschlagen">
      <h1 class="kern-heading-large">Anmeldung fehlgeschlagen</h1>
      <p class="kern-body">
        Die Anmeldung konnte nicht abgeschlossen werden. Das kann passieren, wenn die Anmeldung zu lange gedauert hat,
        wenn Sie die Seite neu geladen oder in einem anderen Fenster angefangen haben. Sie sind nicht angemeldet.
      </p>
      <p>
        <a class="kern-link" href="/konto/anmelden">
          Erneut anmelden
        </a>
      </p>
    </Layout>
  );
}

export function LoggedOutPage({ ctx }: { ctx: PageContext }) {
  return (
    <Layout ctx={ctx} title="Abgemeldet">
      <h1 class="kern-heading-large">Sie sind abgemeldet</h1>
      <p class="kern-body">
        Ihre Sitzung ist beendet. Schließen Sie den Browser, wenn Sie einen gemeinsam genutzten Computer verwenden.
      </p>
      <p>
        <a class="kern-link" href="/">
          Zur Startseite
        </a>
      </p>
    </Layout>
  );
}

/** The way to the IdP (or back to our ACS) by HTTP-POST, working with and without JavaScript. */
export function PostRedirectPage({
  ctx,
  branding,
  action,
  fields,
  text,
}: {
  ctx: PageContext;
  branding?: Branding | undefined;
  action: string;
  fields: Record<string, string>;
  text: string;
}) {
  return (
    <Layout ctx={ctx} title="Weiterleitung" tenant={branding}>
      <h1 class="kern-heading-large">Weiterleitung</h1>
      <AutoPostForm action={action} fields={fields} text={text} scriptSrc="/konto/auto-submit.js" />
    </Layout>
  );
}
