// WebRTC's ICE servers, written as STUN and TURN URIs (no `//`): a STUN server learns the
// user's IP address, a TURN server relays the call's media.
import { describe, it, expect } from 'vitest';
import { evidenceOf } from '../helpers/extract.js';

const hosts = (path: string, text: string): string[] => evidenceOf(path, text).filter((e) => e.host).map((e) => `${e.line} ${e.host}`);

describe('STUN and TURN servers', () => {
  it.each([
    ['rtc.js', "const pc = new RTCPeerConnection({ iceServers: [{ urls: 'stun:stun.l.google.com:19302' }] });\n", ['1 stun.l.google.com']],
    ['rtc.ts', "const ice = [{ urls: ['turns:global.turn.twilio.com:443?transport=tcp', 'stun:stun.cloudflare.com:3478'], username, credential }];\n", ['1 global.turn.twilio.com', '1 stun.cloudflare.com']],
    ['settings.py', 'ICE_SERVERS = [{"urls": "turn:relay.vendor-unknown.io"}]\n', ['1 relay.vendor-unknown.io']],
    ['.env', 'STUN_SERVER=stun:stun.vendor-unknown.io:3478\n', ['1 stun.vendor-unknown.io']],
    // Not a URI: a word that ends in "turn", a heading, a comment.
    ['app.js', "const x = 'return:api.vendor-unknown.io'; const y = 'Turn: left.example';\n// stun:stun.vendor-unknown.io\n", []],
  ])('%s', (path, text, expected) => {
    expect(hosts(path, text)).toEqual(expected);
  });
});
