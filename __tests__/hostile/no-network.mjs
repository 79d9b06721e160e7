// Preloaded into a scan to make any network use fail loudly: sockets, DNS, HTTP and fetch.
import net from 'node:net';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';

const refuse = (what) => () => {
  process.stderr.write(`NETWORK USED: ${what}\n`);
  process.exit(99);
};
net.connect = net.createConnection = refuse('net.connect');
net.Socket.prototype.connect = refuse('Socket.connect');
dns.lookup = dns.resolve = dns.resolve4 = dns.resolve6 = refuse('dns');
dns.promises.lookup = dns.promises.resolve = refuse('dns.promises');
http.request = http.get = refuse('http.request');
https.request = https.get = refuse('https.request');
globalThis.fetch = refuse('fetch');
