import { type Branding, Layout, type PageContext } from '../../../platform/render/layout.tsx';

export interface AttachDraftsPageProps {
  ctx: PageContext;
  branding: Branding | undefined;
  titles: string[];
  returnTo: string;
  csrf: string;
}

/** After login: "Begonnenen Antrag in Ihr Konto übernehmen?" — yes or no, both plain buttons. */
export function AttachDraftsPage({ ctx, branding, titles, returnTo, csrf }: AttachDraftsPageProps) {
  const one = titles.length === 1;
  const title = one ? 'Begonnenen Antrag in Ihr Konto übernehmen?' : 'Begonnene Anträge in Ihr Konto übernehmen?';
  return (
    <Layout ctx={ctx} title={title} tenant={branding}>
      <h1 class="kern-heading-large">{title}</h1>
      <p class="kern-body">
        {one
          ? 'Sie haben vor der Anmeldung diesen Antrag begonnen:'
          : 'Sie haben vor der Anmeldung diese Anträge begonnen:'}
      </p>
      <ul class="kern-list">
        {titles.map((t, i) => (
          <li key={`${i}-${t}`}>{t}</li>
        ))}
      </ul>
      <p class="kern-body">
        Wenn Sie ihn übernehmen, finden Sie ihn unter „Mein Konto“ und können ihn nach jeder Anmeldung fortsetzen.
        Andernfalls bleibt er ohne Konto gespeichert; fortsetzen können Sie ihn dann in dieser Sitzung oder mit Link und
        Code, wenn Sie ihn zwischengespeichert haben.
      </p>
      <form method="post" action="/konto/antrag-uebernehmen">
        <input type="hidden" name="_csrf" value={csrf} />
        <input type="hidden" name="zurueck" value={returnTo} />
        <div class="kern-row">
          <button type="submit" name="antwort" value="ja" class="kern-btn kern-btn--primary">
            <span class="kern-label">Ja, in mein Konto übernehmen</span>
          </button>
          <button type="submit" name="antwort" value="nein" class="kern-btn kern-btn--secondary">
            <span class="kern-label">Nein, nicht übernehmen</span>
          </button>
        </div>
      </form>
    </Layout>
  );
}
