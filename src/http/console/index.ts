export { registerConsole } from './serve-console.js';
export { registerConsoleConfigRoute, consoleConfig, type ConsoleConfig } from './config.routes.js';
export { mapTileOrigins } from './map-tiles.js';
