/** Entry of the web simulator: mounts the app. */
import { createRoot } from 'react-dom/client';
import 'uplot/dist/uPlot.min.css';
import './styles.css';
import { App } from './ui/app.js';

createRoot(document.getElementById('root') as HTMLElement).render(<App />);
