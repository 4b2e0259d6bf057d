// What GraphiQL 5.4 and its explorer (graphiql-explorer 0.9) leave out for assistive technologies, put in after they
// render. Each fix is idempotent and keyed on markup those versions produce; the browser test runs axe on the page,
// so a version that changes the markup shows up there.
//
// - GraphiQL's tabs: `role="tab"` sits on the <li> that holds the tab's button and its close button, so each tab
//   holds focusable elements, and a tablist may hold tabs only, not close buttons. The tabs are read as what they
//   are, a list of the open operations: the list and its items lose the tab roles, and the button of the operation
//   shown is marked `aria-current`.
// - The explorer's argument inputs and selects have no label: each is named after its argument. The "Add new"
//   operation select is named for what it does.

function fixTabs(root: ParentNode) {
  for (const list of root.querySelectorAll<HTMLElement>('ul.graphiql-tabs[role="tablist"]')) list.removeAttribute('role');
  for (const item of root.querySelectorAll<HTMLElement>('li.graphiql-tab[role="tab"], li.graphiql-tab[aria-selected]')) {
    const button = item.querySelector<HTMLElement>('.graphiql-tab-button');
    const selected = item.getAttribute('aria-selected');
    item.removeAttribute('role');
    item.removeAttribute('aria-selected');
    if (!button || selected === null) continue;
    if (selected === 'true') button.setAttribute('aria-current', 'true');
    else button.removeAttribute('aria-current');
  }
}

function fixExplorer(root: ParentNode) {
  for (const control of root.querySelectorAll<HTMLElement>('.graphiql-explorer-root input, .graphiql-explorer-root select')) {
    if (control.hasAttribute('aria-label') || control.getAttribute('placeholder')) continue;
    const argument = control.closest<HTMLElement>('[data-arg-name]')?.dataset.argName;
    const label = argument ? `Argument ${argument}` : control.tagName === 'SELECT' ? 'Kind of operation to add' : undefined;
    if (label) control.setAttribute('aria-label', label);
  }
}

export function watchAccessibility(host: HTMLElement) {
  const fix = () => {
    fixTabs(host);
    fixExplorer(host);
  };
  // Only added elements and tab selection changes: the editors' own constant DOM churn is left alone.
  new MutationObserver(fix).observe(host, { childList: true, subtree: true, attributeFilter: ['aria-selected'] });
  fix();
}
