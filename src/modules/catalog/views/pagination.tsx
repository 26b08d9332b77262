import { t } from '../../../platform/render/i18n.ts';
import type { PageContext } from '../../../platform/render/layout.tsx';

/** Page links around the current page: first, last, and two either side. */
function pageWindow(current: number, last: number): number[] {
  const pages = new Set([1, last]);
  for (let p = current - 2; p <= current + 2; p++) if (p >= 1 && p <= last) pages.add(p);
  return [...pages].sort((a, b) => a - b);
}

/** Accessible pagination: a labelled nav, the current page marked with aria-current. */
export function Pagination({
  ctx,
  page,
  lastPage,
  href,
}: {
  ctx: PageContext;
  page: number;
  lastPage: number;
  href: (page: number) => string;
}) {
  if (lastPage <= 1) return null;
  const pages = pageWindow(page, lastPage);
  return (
    <nav class="sac-pagination" aria-label={t(ctx.lang, 'pagination')}>
      <ul>
        {page > 1 && (
          <li>
            <a class="kern-link" href={href(page - 1)} rel="prev">
              {t(ctx.lang, 'previous')}
            </a>
          </li>
        )}
        {pages.map((p, i) => (
          <li key={p}>
            {i > 0 && p - pages[i - 1]! > 1 && <span aria-hidden="true">… </span>}
            {p === page ? (
              <a class="kern-link" href={href(p)} aria-current="page">
                <span class="kern-sr-only">{t(ctx.lang, 'page')} </span>
                <strong>{p}</strong>
              </a>
            ) : (
              <a class="kern-link" href={href(p)}>
                <span class="kern-sr-only">{t(ctx.lang, 'page')} </span>
                {p}
              </a>
            )}
          </li>
        ))}
        {page < lastPage && (
          <li>
            <a class="kern-link" href={href(page + 1)} rel="next">
              {t(ctx.lang, 'next')}
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}
