import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // This folder is its own project: not the library's repository around it.
  turbopack: { root: import.meta.dirname },
};

export default nextConfig;
