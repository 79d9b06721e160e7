// A host the catalogue knows, written after a placeholder for its first labels or joined to a
// variable that holds them: the bucket of '%s.s3.amazonaws.com' % bucket, a Pusher cluster.
import { describe, it, expect } from 'vitest';
import { evidenceOf } from '../helpers/extract.js';

const urlHosts = (path: string, text: string): string[] =>
  evidenceOf(path, text)
    .filter((e) => e.kind === 'code-url')
    .map((e) => `${e.line} ${e.host}`);

describe('known hosts after a placeholder or a join', () => {
  it.each([
    ['conf.py', "AWS_S3_CUSTOM_DOMAIN = '%s.s3.amazonaws.com' % AWS_STORAGE_BUCKET_NAME\n", ['1 s3.amazonaws.com']],
    ['conf.py', 'DOMAIN = "{}.s3.amazonaws.com".format(BUCKET)\n', ['1 s3.amazonaws.com']],
    ['conf.py', 'DOMAIN = f"{BUCKET}.s3.amazonaws.com"\n', ['1 s3.amazonaws.com']],
    ['cdn.js', 'const host = `${bucket}.s3.amazonaws.com`;\n', ['1 s3.amazonaws.com']],
    ['cdn.rb', 'HOST = "#{bucket}.s3.amazonaws.com"\n', ['1 s3.amazonaws.com']],
    ['cdn.php', '<?php\n$host = "$bucket.s3.amazonaws.com";\n', ['2 s3.amazonaws.com']],
    ['cdn.js', "const host = bucket + '.s3.amazonaws.com';\n", ['1 s3.amazonaws.com']],
    ['broadcasting.php', "<?php\n$host = 'api-'.PUSHER_APP_CLUSTER.'.pusher.com';\n", ['2 pusher.com']],
    // A URL's credentials joined before its host, over a line continuation.
    ['database.py', 'db = "mysql+pymysql://user:" + password + \\\n    "@aws.connect.psdb.cloud/app?ssl=1"\n', ['2 aws.connect.psdb.cloud']],
    // The scheme and the host's first labels in one string, the rest after the variable: one piece of evidence.
    ['presign.py', "endpoint_url = 'https://s3.' + region + '.wasabisys.com'\n", ['1 wasabisys.com']],
    // A scheme picked by the page's protocol and joined to the host, as old analytics loaders wrote it: any host.
    ['chat.js', "lc.src = ('https:' == document.location.protocol ? 'https://' : 'http://') + 'cdn.chat-unknown.com/js/tracking.js';\n", ['1 cdn.chat-unknown.com']],
    ['chat.js', "var u = 'https://' + 'widget.chat-unknown.com';\nvar v = 'https://' + host + '/x';\n", ['1 widget.chat-unknown.com']],
  ])('%s: %s', (path, text, expected) => {
    expect(urlHosts(path, text)).toEqual(expected);
  });

  it.each([
    // A suffix a check compares with names no address; a host no entry knows is left to the URL readers.
    ['check.js', "if (host.endsWith('.s3.amazonaws.com')) ok();\n"],
    ['check.py', "if host.endswith('.s3.amazonaws.com'):\n    pass\n"],
    ['conf.py', "DOMAIN = '%s.cdn.vendor-unknown.io' % BUCKET\n"],
    ['name.py', "LABEL = '%s.txt' % name\n"],
  ])('%s: nothing', (path, text) => {
    expect(urlHosts(path, text)).toEqual([]);
  });
});

describe('markup a PHP file echoes from its strings', () => {
  it('reads the script a plugin writes into the footer', () => {
    const php = "<?php\nfunction chat_footer() {\n\techo \"<script>(function() {\n\t\tvar lc = document.createElement('script');\n\t\tlc.src = ('https:' == document.location.protocol ? 'https://' : 'http://') + 'cdn.chat-unknown.com/js/tracking.js';\n\t})();</script>\";\n}\nadd_action('wp_footer', 'chat_footer');\n";
    expect(evidenceOf('chat.php', php).map((e) => `${e.line} ${e.kind} ${e.host}`)).toContain('5 inline-script cdn.chat-unknown.com');
  });
});
