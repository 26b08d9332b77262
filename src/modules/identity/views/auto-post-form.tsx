/** The script that submits auto-post forms; served as a file because the CSP forbids inline scripts. */
export const autoSubmitScript =
  "document.addEventListener('DOMContentLoaded',function(){var f=document.querySelector('form[data-auto-submit]');if(f)f.submit();});\n";

/**
 * An HTTP-POST binding form: submitted by a small external script, and by the visible "Weiter" button
 * when JavaScript is off.
 */
export function AutoPostForm({
  action,
  fields,
  text,
  scriptSrc,
}: {
  action: string;
  fields: Record<string, string>;
  text: string;
  /** Same-origin URL of the auto-submit script (CSP: script-src 'self'). */
  scriptSrc: string;
}) {
  return (
    <>
      <form method="post" action={action} data-auto-submit="">
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <p class="kern-body">{text}</p>
        <button type="submit" class="kern-btn kern-btn--primary">
          <span class="kern-label">Weiter</span>
        </button>
      </form>
      <script src={scriptSrc} defer />
    </>
  );
}
