/** One legal reference from the catalog: "§ 882g Zivilprozessordnung (ZPO) [http://…]". */
interface LegalReference {
  text: string;
  url: string | undefined;
}

/** Splits the catalog's Rechtsgrundlage column into references; only http(s) links are kept. */
export function parseLegalBasis(value: string): LegalReference[] {
  const refs: LegalReference[] = [];
  for (const m of value.matchAll(/\s*,?\s*([^[\]]+?)\s*\[([^\]]*)\]/g)) {
    const raw = m[2]!.trim();
    const url = /^https?:\/\//.test(raw) ? raw : /^www\./.test(raw) ? `https://${raw}` : undefined;
    refs.push({ text: m[1]!.trim(), url });
  }
  return refs.length > 0 ? refs : [{ text: value, url: undefined }];
}

export function LegalBasisList({ value }: { value: string }) {
  return (
    <ul class="kern-list kern-list--bullet">
      {parseLegalBasis(value).map((r) => (
        <li key={r.text}>
          {r.url ? (
            <a class="kern-link" href={r.url}>
              {r.text}
            </a>
          ) : (
            r.text
          )}
        </li>
      ))}
    </ul>
  );
}
