// GraphiQL's dark editor theme, with comments light enough to read: its comment colour (#608b4e on #212a3b) is
// 3.6:1, under WCAG AA's 4.5:1, and the example tabs are mostly comments. Everything else is GraphiQL's own theme.
//
// Monaco is the same module GraphiQL loads (it is bundled into ide.js), so the theme is defined before any editor
// exists. GraphiQL's theme data is not part of its package's public exports: it is read from the file that defines it.
import * as monaco from 'monaco-graphql/esm/monaco-editor.js';
import { MONACO_THEME_DATA, MONACO_THEME_NAME } from '../node_modules/@graphiql/react/dist/constants.js';

const DARK = 'catalog-dark';

monaco.editor.defineTheme(DARK, {
  ...MONACO_THEME_DATA.dark,
  rules: [...MONACO_THEME_DATA.dark.rules, { token: 'comment', foreground: '7aa366' }],
});

export const EDITOR_THEME = { dark: DARK, light: MONACO_THEME_NAME.light };

// GraphiQL sets the editors' theme when it starts and when the user picks one in its settings, but does not follow
// the system's theme when it changes later: with no theme picked (GraphiQL then stores an empty one), the editors
// follow it here, so their text keeps its contrast against the page around them.
const systemDark = window.matchMedia('(prefers-color-scheme: dark)');
systemDark.addEventListener('change', () => {
  let picked: string | null = null;
  try {
    picked = window.localStorage.getItem('graphiql:theme');
  } catch {
    // storage unavailable: GraphiQL follows the system then too
  }
  if (!picked) monaco.editor.setTheme(systemDark.matches ? EDITOR_THEME.dark : EDITOR_THEME.light);
});
