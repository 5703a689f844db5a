import { loadEngine } from '../store/engine';

// UI and store tests run against the real engine; load its chunk once before any test.
await loadEngine();
