import { t } from '../../../platform/render/i18n.ts';
import { type Branding, Layout, type PageContext } from '../../../platform/render/layout.tsx';
import type { Office, Tenant } from '../repo.ts';

/** Contact details of one office; also used as a block on service pages. */
export function OfficeDetails({
  ctx,
  office,
  headingLevel = 2,
}: {
  ctx: PageContext;
  office: Office;
  headingLevel?: 2 | 3;
}) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div class="kern-stack">
      {office.street && (
        <>
          <H class="kern-heading-small">{t(ctx.lang, 'address')}</H>
          <p class="kern-body">
            {office.name}
            <br />
            {office.street}
            <br />
            {office.postcode} {office.city}
          </p>
        </>
      )}
      {office.opening_hours && (
        <>
          <H class="kern-heading-small">{t(ctx.lang, 'openingHours')}</H>
          <ul class="kern-list">
            {office.opening_hours.split('\n').map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      )}
      {(office.phone || office.email) && (
        <>
          <H class="kern-heading-small">{t(ctx.lang, 'contact')}</H>
          <ul class="kern-list">
            {office.phone && (
              <li>
                Telefon:{' '}
                <a class="kern-link" href={`tel:${office.phone.replace(/[^+\d]/g, '')}`}>
                  {office.phone}
                </a>
              </li>
            )}
            {office.email && (
              <li>
                E-Mail:{' '}
                <a class="kern-link" href={`mailto:${office.email}`}>
                  {office.email}
                </a>
              </li>
            )}
          </ul>
        </>
      )}
      {office.accessibility && <p class="kern-body">{office.accessibility}</p>}
    </div>
  );
}

export function OfficePage({
  ctx,
  tenant,
  branding,
  office,
}: {
  ctx: PageContext;
  tenant: Tenant;
  branding: Branding;
  office: Office;
}) {
  return (
    <Layout
      ctx={ctx}
      title={office.name}
      tenant={branding}
      crumbs={[{ label: tenant.name, href: `/${tenant.slug}` }, { label: office.name }]}
    >
      <h1 class="kern-heading-large">{office.name}</h1>
      <OfficeDetails ctx={ctx} office={office} />
    </Layout>
  );
}
