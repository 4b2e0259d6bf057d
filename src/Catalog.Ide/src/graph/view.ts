// Entry of the graph view's own bundle (vite.graph.config.ts): hands the panel to the IDE that loaded it.
import GraphPanel from './GraphPanel';
import { sharedModules } from './shared';

sharedModules().GraphPanel = GraphPanel;
