import type { Tenant } from '../../tenants/repo.ts';
import { catalogHref } from './catalog-links.ts';
import { TenantContact } from './tenant-contact.tsx';

/** What to try when a search finds nothing. */
export function EmptyResult({ tenant }: { tenant: Tenant }) {
  return (
    <div class="kern-stack">
      <p class="kern-body">So finden Sie die gesuchte Leistung vielleicht doch:</p>
      <ul class="kern-list kern-list--bullet">
        <li>Prüfen Sie die Schreibweise der Suchbegriffe.</li>
        <li>
          Verwenden Sie weniger oder allgemeinere Wörter, zum Beispiel „Hund“ statt „Anmeldung meines neuen Hundes“.
        </li>
        <li>Versuchen Sie andere Begriffe, zum Beispiel „Urkunde“ statt „Nachweis“.</li>
        <li>
          Suchen Sie über die{' '}
          <a class="kern-link" href={`/${tenant.slug}#lebenslagen`}>
            Lebenslagen und Themenfelder
          </a>{' '}
          oder im{' '}
          <a class="kern-link" href={catalogHref(tenant.slug, { buchstabe: 'A' })}>
            Leistungsverzeichnis von A bis Z
          </a>
          .
        </li>
      </ul>
      <p class="kern-body">Oder fragen Sie uns direkt:</p>
      <TenantContact tenant={tenant} />
    </div>
  );
}
