import WebSocket from 'ws';

/**
 * `ws` as a browser's WebSocket behaves, for clients in Node (tests, bench): an error is an
 * event, never a throw. Closing a socket that is still connecting makes `ws` emit `error` on
 * the next tick, after the provider has taken its listeners off (its `destroy`), and an
 * EventEmitter with no `error` listener throws; a browser never does.
 */
export class BrowserLikeWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args);
    this.on('error', () => {});
  }
}
