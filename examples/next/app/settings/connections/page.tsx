import type { Metadata } from 'next';
import { Connections } from './connections';

export const metadata: Metadata = { title: 'Connections' };

// A server component: it renders on the server, and hands the screen to a client component.
export default function ConnectionsPage() {
  return (
    <main>
      <h1>Connections</h1>
      <Connections />
    </main>
  );
}
