// Facts about the workspace that the scripts share. Add to these lists when a package or a
// suite that needs a Debian package is added.

/** Packages under packages/ that are published to npm (checked with publint and attw). */
export const PUBLISHABLE_PACKAGES = ['core', 'sandbox', 'proxy', 'react'];

/** Debian packages the test suites need (see SYSTEM_PACKAGES in bootstrap.mjs). */
export const SYSTEM_PACKAGES_FOR_TESTS = ['chromium', 'redis-server', 'openssl'];
