/**
 * Keeps the tabs of this app in step: a session extended in one tab is extended for all of
 * them (it is the same server session), and signing out in one tab clears the others at once.
 */
export type SessionMessage = { type: 'deadline'; deadline: number } | { type: 'signed_out' };

const channel: BroadcastChannel | null =
  typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('cope-session');

function parseMessage(data: unknown): SessionMessage | null {
  if (typeof data !== 'object' || data === null || !('type' in data)) return null;
  if (data.type === 'signed_out') return { type: 'signed_out' };
  if (data.type === 'deadline' && 'deadline' in data && typeof data.deadline === 'number') {
    return { type: 'deadline', deadline: data.deadline };
  }
  return null;
}

export function announce(message: SessionMessage): void {
  channel?.postMessage(message);
}

export function listen(handler: (message: SessionMessage) => void): () => void {
  if (!channel) return () => {};
  const onMessage = (event: MessageEvent) => {
    const message = parseMessage(event.data);
    if (message) handler(message);
  };
  channel.addEventListener('message', onMessage);
  return () => channel.removeEventListener('message', onMessage);
}
