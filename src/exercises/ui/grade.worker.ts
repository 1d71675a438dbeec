/// <reference lib="webworker" />
/** The grading worker: Check runs here, never on the page's thread. A thin shell over gradeApi.ts. */
import * as Comlink from 'comlink';
import { gradeApi } from './gradeApi.ts';

Comlink.expose(gradeApi, self as unknown as Comlink.Endpoint);
