import * as net from 'node:net';

/**
 * True when `url` names this machine: localhost (and its subdomains), 127.0.0.0/8, ::1 or an IPv4-mapped
 * loopback address. Sending there does not leave the machine, so it needs no consent.
 */
export function isLoopbackUrl(url: string): boolean {
  try {
    return isLoopbackHost(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** The same for a URL's hostname (IPv6 with or without its brackets). `0.0.0.0` is not loopback. */
export function isLoopbackHost(hostname: string): boolean {
  let host = hostname.toLowerCase();
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (net.isIPv4(host)) return host.split('.')[0] === '127';
  if (net.isIPv6(host)) {
    if (host === '::1' || /^(0{1,4}:){7}0{0,3}1$/.test(host)) return true;
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(host);
    if (mapped) return mapped[1]!.startsWith('127.');
    // The URL parser writes a mapped address in hex: ::ffff:7f00:1 is 127.0.0.1.
    const hex = /^::ffff:([0-9a-f]{1,4}):[0-9a-f]{1,4}$/.exec(host);
    return hex !== null && parseInt(hex[1]!, 16) >> 8 === 127;
  }
  return false;
}
