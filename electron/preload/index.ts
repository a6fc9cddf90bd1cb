// The sandboxed preload: exposes the API contract as `window.attk`, and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';

// The arrow (rather than `ipcRenderer.invoke.bind`) pins the call to exactly two arguments.
contextBridge.exposeInMainWorld('attk', createBridge((channel, input) => ipcRenderer.invoke(channel, input)));
