// The scan workers' bundle (dist/scan-worker/): see scan/worker.ts.
import { serveScans } from './scan/worker.js';

serveScans();
