import type { ComponentChildren } from 'preact';

/** A KERN info alert with a heading at the given level (keeps the heading outline in order). */
export function Notice({ title, level = 2, children }: { title: string; level?: 2 | 3; children: ComponentChildren }) {
  const H = level === 2 ? 'h2' : 'h3';
  return (
    <div class="kern-alert kern-alert--info">
      <div class="kern-alert__header">
        <span class="kern-icon kern-icon--info" aria-hidden="true" />
        <H class="kern-title">{title}</H>
      </div>
      <div class="kern-alert__body">{children}</div>
    </div>
  );
}
