import { createServer } from 'vite';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';

/** `npm run dev`: the API on PORT (3000) and Vite's dev server with hot reload on 5173, proxying to it. */
const config = loadConfig({ NODE_ENV: 'development', ...process.env });
const app = await buildApp(config);
await app.listen({ host: config.host, port: config.port });
const vite = await createServer({ configFile: 'client/vite.config.ts' });
await vite.listen();
vite.printUrls();
