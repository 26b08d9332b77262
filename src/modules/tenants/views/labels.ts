import type { Lang } from '../../../platform/render/i18n.ts';
import type { TenantKind } from '../tables.ts';

const kindLabels: Record<TenantKind, { de: string; en: string }> = {
  stadt: { de: 'Stadt', en: 'Town' },
  gemeinde: { de: 'Gemeinde', en: 'Municipality' },
  landkreis: { de: 'Landkreis', en: 'District' },
  verbandsgemeinde: { de: 'Verbandsgemeinde', en: 'Association of municipalities' },
  zweckverband: { de: 'Zweckverband', en: 'Special-purpose association' },
  land: { de: 'Land', en: 'State' },
};

export function tenantKindLabel(kind: TenantKind, lang: Lang): string {
  return kindLabels[kind][lang];
}
