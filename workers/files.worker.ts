/// <reference lib="webworker" />
/**
 * Reads matrix CSVs and project files off the page's thread: a 10,000-issue
 * matrix or a 3,000 × 200 project no longer stops the page while it is
 * parsed and checked. A project file is also stored from here (its
 * assessment, links and decisions); nothing is kept between calls, and the
 * worker stops when idle (workers/client.ts).
 */
import { expose } from 'comlink';
import { fileReaders } from '../src/engines/file-readers';

export type FilesApi = typeof fileReaders;
expose(fileReaders);
