import { t } from '../../../platform/render/i18n.ts';
import type { PageContext } from '../../../platform/render/layout.tsx';
import type { ServiceListItem } from '../search/service-list-query.ts';

/** Service hits: name (linked), Lebenslage, and an "Online verfügbar" badge when this tenant offers it online. */
export function ResultList({
  ctx,
  tenantSlug,
  items,
}: {
  ctx: PageContext;
  tenantSlug: string;
  items: ServiceListItem[];
}) {
  return (
    <ol class="sac-results">
      {items.map((s) => (
        <li key={s.leika_key}>
          <h3 class="kern-heading-small">
            <a class="kern-link" href={`/${tenantSlug}/leistungen/${s.slug}`}>
              {s.name}
            </a>
          </h3>
          <p class="sac-meta kern-body kern-body--small">
            {s.lebenslage && <span>Lebenslage: {s.lebenslage}</span>}
            {s.online && (
              <span class="kern-badge kern-badge--success kern-badge--small">
                <span class="kern-label">{t(ctx.lang, 'online')}</span>
              </span>
            )}
            {s.offered && !s.online && <span>Angebot vor Ort</span>}
          </p>
        </li>
      ))}
    </ol>
  );
}
