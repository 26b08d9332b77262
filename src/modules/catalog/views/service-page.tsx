import type { ComponentChildren } from 'preact';
import { TextBlocks } from '../../../platform/render/components/text-blocks.tsx';
import { t } from '../../../platform/render/i18n.ts';
import { type Branding, Layout, type PageContext } from '../../../platform/render/layout.tsx';
import type { Office, Tenant } from '../../tenants/repo.ts';
import { OfficeDetails } from '../../tenants/views/office-page.tsx';
import type { Offering, Service } from '../repo.ts';
import { formatFee, isLocalKey, moduleSections, trustLevelLabels } from './labels.ts';
import { LegalBasisList } from './legal-basis.tsx';
import { Notice } from './notice.tsx';
import { TenantContact } from './tenant-contact.tsx';

export interface ServicePageProps {
  ctx: PageContext;
  tenant: Tenant;
  branding: Branding;
  service: Service;
  offering: Offering | undefined;
  office: Office | undefined;
}

function feeText(offering: Offering | undefined): string | undefined {
  if (!offering) return undefined;
  if (offering.fee_text && offering.fee_cents !== null)
    return `${formatFee(offering.fee_cents)} – ${offering.fee_text}`;
  return offering.fee_text ?? (offering.fee_cents !== null ? formatFee(offering.fee_cents) : undefined);
}

/** `/{tenant}/leistungen/{service}`: the service description with this municipality's offering. */
export function ServicePage({ ctx, tenant, branding, service, offering, office }: ServicePageProps) {
  const modules = service.modules ?? {};
  const fee = feeText(offering);
  const applyHref =
    offering?.online && offering.assistant_id
      ? `/${tenant.slug}/antrag/${encodeURIComponent(offering.assistant_id)}`
      : undefined;
  const legalBasis = modules.rechtsgrundlage ?? service.rechtsgrundlage;
  return (
    <Layout
      ctx={ctx}
      title={service.name}
      tenant={branding}
      crumbs={[
        { label: tenant.name, href: `/${tenant.slug}` },
        { label: t(ctx.lang, 'allServices'), href: `/${tenant.slug}/leistungen` },
        { label: service.name },
      ]}
    >
      <div class="kern-hgroup">
        <h1 class="kern-heading-large">{service.name}</h1>
        <p class="kern-body kern-body--muted">
          {t(ctx.lang, 'leikaKey')}: {service.leika_key}
          {isLocalKey(service.leika_key) && ' (lokale Leistung ohne bundesweiten LeiKa-Schlüssel)'}
          {service.lebenslage && ` · Lebenslage: ${service.lebenslage}`}
        </p>
      </div>
      {modules.teaser && <p class="kern-body kern-body--large">{modules.teaser}</p>}
      {applyHref && (
        <p>
          <a class="kern-btn kern-btn--primary" href={applyHref}>
            <span class="kern-label">{t(ctx.lang, 'applyOnline')}</span>
          </a>
        </p>
      )}
      <OfferingNotice tenant={tenant} offering={offering} />
      {offering && (
        <section aria-labelledby="auf-einen-blick" class="kern-stack">
          <h2 class="kern-heading-medium" id="auf-einen-blick">
            Auf einen Blick
          </h2>
          <dl class="kern-description-list">
            {fee && <Item label={t(ctx.lang, 'fee')} value={fee} />}
            <Item label="Online beantragen" value={offering.online ? 'Ja' : 'Nein, nur vor Ort oder schriftlich'} />
            {offering.online && (
              <Item label={t(ctx.lang, 'trustLevel')} value={trustLevelLabels[offering.trust_level]} />
            )}
            {offering.online && offering.trust_level !== 'none' && (
              <Item label="Ohne Nutzerkonto möglich" value={offering.anonymous_allowed ? 'Ja' : 'Nein'} />
            )}
          </dl>
        </section>
      )}
      {moduleSections.map(({ key, heading }) => {
        if (key === 'rechtsgrundlage') {
          return legalBasis ? (
            <Section key={key} id={key} heading={heading}>
              <LegalBasisList value={legalBasis} />
            </Section>
          ) : null;
        }
        const text = modules[key];
        if (key === 'kosten' && !text && !fee) return null;
        if (key !== 'kosten' && !text) return null;
        return (
          <Section key={key} id={key} heading={heading}>
            {text && <TextBlocks text={text} headingLevel={3} />}
            {key === 'kosten' && fee && (
              <p class="kern-body">
                Gebühr bei {tenant.short_name}: {fee}
              </p>
            )}
          </Section>
        );
      })}
      {office && (
        <Section id="zustaendige-stelle" heading={t(ctx.lang, 'responsibleOffice')}>
          <p class="kern-body">
            <a class="kern-link" href={`/${tenant.slug}/stellen/${office.slug}`}>
              {office.name}
            </a>
          </p>
          <OfficeDetails ctx={ctx} office={office} headingLevel={3} />
        </Section>
      )}
    </Layout>
  );
}

function OfferingNotice({ tenant, offering }: { tenant: Tenant; offering: Offering | undefined }) {
  if (offering?.online) return null;
  const title = offering
    ? 'Diese Leistung ist nicht online verfügbar'
    : `${tenant.short_name} bietet diese Leistung nicht online an`;
  return (
    <Notice title={title}>
      <p class="kern-body">
        {offering
          ? 'Sie können diese Leistung bei der unten genannten zuständigen Stelle beantragen. Bitte informieren Sie sich vorher über Öffnungszeiten und Termine.'
          : `Hier finden Sie allgemeine Informationen zu dieser Leistung. Ob und wo Sie sie bei ${tenant.name} erhalten, erfahren Sie über die allgemeine Kontaktstelle:`}
      </p>
      {!offering && <TenantContact tenant={tenant} />}
    </Notice>
  );
}

function Section({ id, heading, children }: { id: string; heading: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby={id} class="kern-stack">
      <h2 class="kern-heading-medium" id={id}>
        {heading}
      </h2>
      {children}
    </section>
  );
}

function Item({ label, value }: { label: string; value: string }) {
  return (
    <div class="kern-description-list-item">
      <dt class="kern-description-list-item__key">{label}</dt>
      <dd class="kern-description-list-item__value">{value}</dd>
    </div>
  );
}
