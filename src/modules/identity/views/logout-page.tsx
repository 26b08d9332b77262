import { Layout, type PageContext } from '../../../platform/render/layout.tsx';

/** `/konto/abmelden`: log out here, or on every device at once. Both are POSTs with the CSRF token. */
export function LogoutPage({ ctx, csrf }: { ctx: PageContext; csrf: string }) {
  return (
    <Layout ctx={ctx} title="Abmelden">
      <h1 class="kern-heading-large">Abmelden</h1>
      <p class="kern-body">
        Wenn Sie sich abmelden, endet Ihre Sitzung. Begonnene Anträge in Ihrem Konto bleiben gespeichert.
      </p>
      <p class="kern-body">
        „Auf allen Geräten abmelden“ beendet zusätzlich jede andere Sitzung mit Ihrem Nutzerkonto, zum Beispiel auf
        einem anderen Computer oder Smartphone.
      </p>
      <form method="post" action="/konto/abmelden">
        <input type="hidden" name="_csrf" value={csrf} />
        <div class="kern-row">
          <button type="submit" class="kern-btn kern-btn--primary">
            <span class="kern-label">Abmelden</span>
          </button>
          <button type="submit" class="kern-btn kern-btn--secondary" formaction="/konto/abmelden-ueberall">
            <span class="kern-label">Auf allen Geräten abmelden</span>
          </button>
        </div>
      </form>
    </Layout>
  );
}
