import { contextBridge, ipcRenderer } from 'electron';
import { buildHoldfastApi } from './buildApi';

// Only task verbs cross the bridge: exposing ipcRenderer itself would let page script send on
// any channel and reach the event's `sender`.
contextBridge.exposeInMainWorld(
  'holdfast',
  buildHoldfastApi((channel, input) => ipcRenderer.invoke(channel, input)),
);
