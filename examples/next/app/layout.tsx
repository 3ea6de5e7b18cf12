import type { Metadata } from 'next';
import type { ReactNode } from 'react';

export const metadata: Metadata = { title: 'Connections example (Next.js)' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body style={{ maxWidth: '48rem', margin: '2rem auto', padding: '0 1rem', fontFamily: 'system-ui' }}>{children}</body>
    </html>
  );
}
