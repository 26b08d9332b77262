/** Query-string links inside one tenant's catalog (URLSearchParams encodes every value). */
export function catalogHref(tenantSlug: string, params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== '') search.set(key, String(value));
  const qs = search.toString();
  return `/${tenantSlug}/leistungen${qs ? `?${qs}` : ''}`;
}
