import { t } from '../../../platform/render/i18n.ts';
import type { PageContext } from '../../../platform/render/layout.tsx';

/** The catalog search box: a GET form, so it works without JavaScript and results can be bookmarked. */
export function SearchForm({ ctx, tenantSlug, query = '' }: { ctx: PageContext; tenantSlug: string; query?: string }) {
  return (
    <search>
      <form class="sac-search" method="get" action={`/${tenantSlug}/leistungen`}>
        <div class="kern-form-input">
          <label class="kern-label" for="suche">
            {t(ctx.lang, 'searchLabel')}
          </label>
          <div class="kern-hint" id="suche-hinweis">
            {t(ctx.lang, 'searchHint')}
          </div>
          <input
            class="kern-form-input__input"
            id="suche"
            name="q"
            type="search"
            value={query}
            maxlength={200}
            aria-describedby="suche-hinweis"
            autocomplete="off"
          />
        </div>
        <button class="kern-btn kern-btn--primary" type="submit">
          <span class="kern-label">{t(ctx.lang, 'searchButton')}</span>
        </button>
      </form>
    </search>
  );
}
