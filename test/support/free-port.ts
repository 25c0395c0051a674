// Tests ask for free ports the same way the app does for its worker metrics.
export { freeLoopbackPort as freePort } from '../../src/bootstrap/free-port';
