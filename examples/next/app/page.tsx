import Link from 'next/link';

export default function Home() {
  return (
    <main>
      <h1>Settings</h1>
      <Link href="/settings/connections">Connections</Link>
    </main>
  );
}
