// A package that holds both an offline reader and a web-service client: only the client is a
// data flow. MaxMind's GeoIP2 libraries read a local .mmdb file or call the GeoIP2 web service.
import { describe, it, expect } from 'vitest';
import { servicesOf } from '../helpers/extract.js';

describe("MaxMind's web services, not its offline databases", () => {
  it.each([
    ['geo/lookup.py', 'from geoip2.webservice import Client\nclient = Client(42, key)\n', ['maxmind']],
    ['geo/lookup.py', "import geoip2.database\nreader = geoip2.database.Reader('GeoLite2-City.mmdb')\n", []],
    ['src/Geo.php', "<?php\nuse GeoIp2\\WebService\\Client;\n$c = new Client(42, $key);\n", ['maxmind']],
    ['src/Geo.php', "<?php\nuse GeoIp2\\Database\\Reader;\n$r = new Reader('/usr/share/GeoIP/GeoLite2-City.mmdb');\n", []],
    ['src/main/java/geo/Geo.java', 'import com.maxmind.geoip2.DatabaseReader;\nclass Geo {}\n', []],
    ['src/main/java/geo/Geo.java', 'import com.maxmind.geoip2.WebServiceClient;\nclass Geo {}\n', ['maxmind']],
  ])('%s %#', (path, text, expected) => {
    expect(servicesOf(path, text)).toEqual(expected);
  });
});
