// Sandboxed preload: bundled into one CommonJS file (sandboxed preloads can require only a few
// Electron modules), it hands the page the typed API and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { API_GLOBAL_NAME } from '../../shared/api';
import { createApi } from './preload-api';

contextBridge.exposeInMainWorld(API_GLOBAL_NAME, createApi(ipcRenderer));
