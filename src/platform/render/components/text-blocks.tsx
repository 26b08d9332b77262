/**
 * Renders editorial plain text safely: blank lines separate paragraphs, `## ` starts a sub-heading,
 * `- ` lines form a list. No HTML from content is ever interpreted.
 */
export function TextBlocks({ text, headingLevel = 2 }: { text: string; headingLevel?: 2 | 3 }) {
  const blocks = text.trim().split(/\n\s*\n/);
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div class="sac-prose kern-stack">
      {blocks.map((block, i) => {
        const key = `${i}`;
        if (block.startsWith('## ')) {
          return (
            <H key={key} class="kern-heading-small">
              {block.slice(3).trim()}
            </H>
          );
        }
        const lines = block.split('\n');
        if (lines.every((l) => l.startsWith('- '))) {
          return (
            <ul key={key} class="kern-list kern-list--bullet">
              {lines.map((l) => (
                <li key={l}>{l.slice(2)}</li>
              ))}
            </ul>
          );
        }
        return (
          <p key={key} class="kern-body">
            {block.replace(/\n/g, ' ')}
          </p>
        );
      })}
    </div>
  );
}
