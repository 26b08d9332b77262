import type { Tenant } from '../../tenants/repo.ts';

/** The municipality's general contact (phone, e-mail, website) and the 115 when it takes part. */
export function TenantContact({ tenant }: { tenant: Tenant }) {
  return (
    <ul class="kern-list">
      {tenant.feedback_phone && (
        <li>
          Telefon:{' '}
          <a class="kern-link" href={`tel:${tenant.feedback_phone.replace(/[^+\d]/g, '')}`}>
            {tenant.feedback_phone}
          </a>
        </li>
      )}
      <li>
        E-Mail:{' '}
        <a class="kern-link" href={`mailto:${tenant.feedback_email}`}>
          {tenant.feedback_email}
        </a>
      </li>
      {tenant.website && /^https?:\/\//.test(tenant.website) && (
        <li>
          Website:{' '}
          <a class="kern-link" href={tenant.website}>
            {tenant.website}
          </a>
        </li>
      )}
      {tenant.participates_115 && (
        <li>
          Behördennummer{' '}
          <a class="kern-link" href="tel:115">
            115
          </a>{' '}
          (Montag bis Freitag, 8 bis 18 Uhr)
        </li>
      )}
    </ul>
  );
}
