import type { PageContext } from '../../../platform/render/layout.tsx';
import type { StaffPrincipal } from '../access.ts';
import { CsrfField, StaffFrame } from './staff-frame.tsx';

export interface TenantEntry {
  id: string;
  slug: string;
  name: string;
}

/** Logout and "logout everywhere" as two small POST forms. */
export function LogoutForms({ csrf }: { csrf: string }) {
  return (
    <div class="kern-stack">
      <form method="post" action="/backoffice/abmelden">
        <CsrfField token={csrf} />
        <button type="submit" class="kern-btn kern-btn--secondary">
          <span class="kern-label">Abmelden</span>
        </button>
      </form>
      <form method="post" action="/backoffice/abmelden">
        <CsrfField token={csrf} />
        <input type="hidden" name="ueberall" value="1" />
        <button type="submit" class="kern-btn kern-btn--tertiary">
          <span class="kern-label">Auf allen Geräten abmelden</span>
        </button>
      </form>
    </div>
  );
}

function CaseworkerSection({ tenant }: { tenant: TenantEntry }) {
  return (
    <section class="kern-stack" aria-labelledby={`posteingang-${tenant.slug}`}>
      <h2 class="kern-heading-medium" id={`posteingang-${tenant.slug}`}>
        Posteingang der {tenant.name}
      </h2>
      <p class="kern-body">Als Sachbearbeitung der {tenant.name} dürfen Sie:</p>
      <ul class="kern-list kern-list--bullet">
        <li>eingegangene Anträge Ihrer Kommune einsehen, annehmen, bearbeiten, abschließen oder ablehnen,</li>
        <li>Rückfragen an Antragstellende über deren Postfach senden,</li>
        <li>Antragsdaten berichtigen und exportieren (jeder Zugriff wird protokolliert).</li>
      </ul>
      <p class="kern-body">Der Posteingang folgt in einer späteren Ausbaustufe.</p>
    </section>
  );
}

/** What a tenant admin (or the operator) may open for one municipality; each page checks the role itself. */
export function tenantAdminLinks(slug: string): Array<{ href: string; label: string }> {
  return [
    { href: `/admin/${slug}/zahlungen`, label: 'Zahlungen' },
    { href: `/admin/${slug}/zustellwege`, label: 'Zustellwege' },
    { href: `/admin/${slug}/fit-zustellpunkte`, label: 'FIT-Connect-Zustellpunkte' },
    { href: `/admin/${slug}/verwaltungskonto`, label: 'Anmeldung mit dem Konto der Verwaltung' },
  ];
}

/** The operator's own pages across all municipalities. */
export const operatorLinks: Array<{ href: string; label: string }> = [
  { href: '/admin/zustellungen', label: 'Zustellungen (Betrieb)' },
];

function LinkList({ links, name }: { links: Array<{ href: string; label: string }>; name?: string }) {
  return (
    <ul class="kern-list kern-list--bullet">
      {links.map((l) => (
        <li key={l.href}>
          <a class="kern-link" href={l.href}>
            {l.label}
            {name && <span class="kern-sr-only"> – {name}</span>}
          </a>
        </li>
      ))}
    </ul>
  );
}

function AdminSection({ tenant }: { tenant: TenantEntry }) {
  return (
    <section class="kern-stack" aria-labelledby={`verwaltung-${tenant.slug}`}>
      <h2 class="kern-heading-medium" id={`verwaltung-${tenant.slug}`}>
        Verwaltung der {tenant.name}
      </h2>
      <p class="kern-body">
        Als Administration der {tenant.name} dürfen Sie Leistungen, Gebühren, zuständige Stellen, Übermittlungswege und
        das Erscheinungsbild Ihrer Kommune einstellen.
      </p>
      <p class="kern-body">
        <a class="kern-link" href={`/admin/${tenant.slug}`}>
          Zur Verwaltung der {tenant.name}
        </a>
      </p>
      <LinkList links={tenantAdminLinks(tenant.slug)} name={tenant.name} />
    </section>
  );
}

/** The landing page of `/backoffice`: one section per municipality and role the account has. */
export function StaffLandingPage(props: {
  ctx: PageContext;
  csrf: string;
  staff: StaffPrincipal;
  allTenants: TenantEntry[];
}) {
  const { staff } = props;
  const caseworkerOf = staff.grants.filter((g) => g.role === 'caseworker');
  const adminOf = staff.grants.filter((g) => g.role === 'admin');
  const entry = (g: (typeof staff.grants)[number]): TenantEntry => ({
    id: g.tenantId,
    slug: g.tenantSlug,
    name: g.tenantName,
  });
  return (
    <StaffFrame ctx={props.ctx} title="Backoffice" crumbs={[]}>
      <h1 class="kern-heading-large">Backoffice</h1>
      <p class="kern-body">
        Angemeldet als <strong>{staff.displayName}</strong> ({staff.email}).
      </p>
      {caseworkerOf.map((g) => (
        <CaseworkerSection key={`c-${g.tenantId}`} tenant={entry(g)} />
      ))}
      {adminOf.map((g) => (
        <AdminSection key={`a-${g.tenantId}`} tenant={entry(g)} />
      ))}
      {staff.operator && (
        <section class="kern-stack" aria-labelledby="betrieb">
          <h2 class="kern-heading-medium" id="betrieb">
            Betrieb: alle Kommunen
          </h2>
          <p class="kern-body">
            Als Betrieb verwalten Sie Kommunen, die Assistenten-Bibliothek, den Leistungskatalog, Übermittlungen,
            Benutzerkonten und das Protokoll für alle Kommunen.
          </p>
          <ul class="kern-list kern-list--bullet">
            <li>
              <a class="kern-link" href="/admin">
                Zur Administration
              </a>
            </li>
            {operatorLinks.map((l) => (
              <li key={l.href}>
                <a class="kern-link" href={l.href}>
                  {l.label}
                </a>
              </li>
            ))}
          </ul>
          <p class="kern-body">Kommunen:</p>
          <ul class="kern-list kern-list--bullet">
            {props.allTenants.map((t) => (
              <li key={t.id}>{t.name}</li>
            ))}
          </ul>
        </section>
      )}
      {!staff.operator && staff.grants.length === 0 && (
        <p class="kern-body">Ihrem Konto ist noch keine Kommune zugeordnet. Bitte wenden Sie sich an den Betrieb.</p>
      )}
      <LogoutForms csrf={props.csrf} />
    </StaffFrame>
  );
}

/** `/admin` and `/admin/:tenant`: per municipality the account may administer, the pages it may open. */
export function AdminPage(props: { ctx: PageContext; csrf: string; staff: StaffPrincipal; tenants: TenantEntry[] }) {
  return (
    <StaffFrame
      ctx={props.ctx}
      title="Administration"
      crumbs={[{ label: 'Backoffice', href: '/backoffice' }, { label: 'Administration' }]}
    >
      <h1 class="kern-heading-large">Administration</h1>
      {props.staff.operator && (
        <section class="kern-stack" aria-labelledby="admin-betrieb">
          <h2 class="kern-heading-medium" id="admin-betrieb">
            Betrieb: alle Kommunen
          </h2>
          <LinkList links={operatorLinks} />
          <p class="kern-body">
            Kommunen, Assistenten-Bibliothek, Katalogimport, Benutzerkonten und Protokoll folgen in späteren
            Ausbaustufen.
          </p>
        </section>
      )}
      <h2 class="kern-heading-medium">Kommunen</h2>
      {props.tenants.map((t) => (
        <section key={t.id} class="kern-stack" aria-labelledby={`admin-${t.slug}`}>
          <h3 class="kern-heading-small" id={`admin-${t.slug}`}>
            {t.name}
          </h3>
          <p class="kern-body">Leistungen, Gebühren, zuständige Stellen, Übermittlungswege, Erscheinungsbild:</p>
          <LinkList links={tenantAdminLinks(t.slug)} name={t.name} />
        </section>
      ))}
      <LogoutForms csrf={props.csrf} />
    </StaffFrame>
  );
}
