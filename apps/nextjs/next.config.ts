import type { NextConfig } from 'next';

const config: NextConfig = {
  // The kit's packages are plain ES modules with "use client" at the head of their React entries: nothing to
  // transpile, nothing to configure.
  poweredByHeader: false,
};

export default config;
