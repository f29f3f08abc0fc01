/** A new element with optional text and class names. */
export function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** A button; `secondary` for the quieter style. */
export function button(text: string, onClick: () => void, options: { secondary?: boolean; title?: string; id?: string } = {}): HTMLButtonElement {
  const node = element('button', text, options.secondary ? 'secondary' : undefined);
  node.type = 'button';
  if (options.title) node.title = options.title;
  if (options.id) node.id = options.id;
  node.addEventListener('click', onClick);
  return node;
}

/** A horizontal bar filled to `share` (0..1). Widths are set through the CSSOM, which the page's CSP allows. */
export function bar(share: number, className: string, label: string): HTMLElement {
  const outer = element('span', undefined, `bar ${className}`);
  outer.setAttribute('role', 'img');
  outer.setAttribute('aria-label', label);
  const fill = element('span', undefined, 'bar-fill');
  fill.style.width = `${Math.round(Math.max(0, Math.min(1, share)) * 100)}%`;
  outer.append(fill);
  return outer;
}
