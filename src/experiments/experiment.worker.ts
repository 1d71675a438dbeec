/// <reference lib="webworker" />
/** One experiment worker: runs points at full speed. A thin shell over experimentApi.ts. */
import * as Comlink from 'comlink';
import { experimentApi } from './experimentApi.ts';

Comlink.expose(experimentApi, self as unknown as Comlink.Endpoint);
