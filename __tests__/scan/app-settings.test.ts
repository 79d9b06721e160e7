// Apps' XML settings: the Android manifest and resource values, iOS property lists and
// entitlements, .NET's app and web config. Other XML is not read.
import { describe, it, expect } from 'vitest';
import { servicesOf, unclassifiedOf } from '../helpers/extract.js';
import { routeFor } from '../../src/scan/extract.js';

const MANIFEST = `<?xml version="1.0" encoding="utf-8"?>
<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="com.acme">
  <application>
    <meta-data android:name="io.sentry.dsn" android:value="https://abc@o1.ingest.sentry.io/123"/>
    <activity android:name=".Main">
      <intent-filter>
        <data android:scheme="https" android:host="acme.app.link"/>
      </intent-filter>
    </activity>
    <!-- <meta-data android:name="x" android:value="https://api.mixpanel.com"/> -->
  </application>
</manifest>
`;

const PLIST = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0"><dict>
  <key>NSAppTransportSecurity</key><dict><key>NSExceptionDomains</key><dict><key>api.mixpanel.com</key><dict/></dict></dict>
</dict></plist>
`;

describe("apps' XML settings", () => {
  it.each([
    // A URL in a value, and a host alone in a deep link; a commented-out line and the namespace are not.
    ['app/src/main/AndroidManifest.xml', MANIFEST, ['branch', 'sentry']],
    ['ios/Acme/Info.plist', PLIST, ['mixpanel']],
    ['ios/Acme/Acme.entitlements', '<plist><dict><key>com.apple.developer.associated-domains</key><array><string>applinks:acme.app.link</string></array></dict></plist>', ['branch']],
    ['app/src/main/res/xml/network_security_config.xml', '<network-security-config><domain-config><domain includeSubdomains="true">api.stripe.com</domain></domain-config></network-security-config>', ['stripe']],
    // Vendors' manifest and property-list keys (catalogue snippets).
    ['app/src/main/AndroidManifest.xml', '<manifest><application>\n<meta-data android:name="com.facebook.sdk.ApplicationId" android:value="@string/facebook_app_id"/>\n<meta-data android:name="com.google.android.geo.API_KEY" android:value="@string/k"/>\n<meta-data android:name="com.google.android.gms.ads.APPLICATION_ID" android:value="ca-app-pub-1~2"/>\n</application></manifest>', ['facebook-sdk', 'google-admob', 'google-maps']],
    // Branch's key, Mixpanel's settings and OneSignal's app id as an Android app declares them.
    ['app/src/main/AndroidManifest.xml', '<manifest><application>\n<meta-data android:name="io.branch.sdk.BranchKey" android:value="key_live_x"/>\n<meta-data android:name="com.mixpanel.android.MPConfig.EnableDebugLogging" android:value="false"/>\n<meta-data android:name="onesignal_app_id" android:value="${onesignal_app_id}"/>\n</application></manifest>', ['branch', 'mixpanel', 'onesignal']],
    // Smartlook's Android SDK by its Kotlin import and setup call.
    ['App.kt', 'import com.smartlook.sdk.smartlook.Smartlook\n\nclass App : Application() {\n    override fun onCreate() {\n        Smartlook.setupAndStartRecording(options)\n    }\n}\n', ['smartlook']],
    // Firebase's modular SDK names the product a file uses by its import path: Analytics is Google Analytics, Auth is Firebase Authentication.
    ['src/app/app.config.ts', "import { provideFirebaseApp, initializeApp } from '@angular/fire/app';\nimport { getAnalytics, provideAnalytics } from '@angular/fire/analytics';\nimport { getAuth } from 'firebase/auth';\n", ['firebase', 'firebase-auth', 'google-analytics']],
    ['ios/App/Info.plist', '<plist><dict>\n<key>FacebookAppID</key><string>1</string>\n<key>GADApplicationIdentifier</key><string>ca-app-pub-1~2</string>\n<key>AppLovinSdkKey</key><string>x</string>\n</dict></plist>', ['applovin', 'facebook-sdk', 'google-admob']],
    ['Web.config', '<configuration><appSettings><add key="StripeApi" value="https://api.stripe.com/v1"/></appSettings></configuration>', ['stripe']],
    // <appSettings> keys name vendors' settings as their variables do (StripeSecretKey, SendGrid's ApiKey);
    // levels are joined with ':' (reCAPTCHA::PrivateKey). A key without a value, or one no vendor's, names nothing.
    ['Web.config', '<configuration>\n  <appSettings>\n    <add key="StripeSecretKey" value="sk_test_Oq2I0Fg4rWrp6BRUbaNvesq2" />\n    <add key="reCAPTCHA::PrivateKey" value="6Lceb" />\n    <add key="SendGrid:ApiKey" value="SG.x" />\n  </appSettings>\n</configuration>\n', ['recaptcha', 'sendgrid', 'stripe']],
    ['App.config', '<configuration><appSettings><add key="StripeSecretKey" value="" /><add key="MaxRetries" value="3" /><add key="ApiKey" value="x" /></appSettings></configuration>', []],
    // The app's own code: the Facebook SDK's core and app events, the Maps SDK for Android (React
    // Native's com.facebook.react is not Facebook's SDK).
    ['app/src/main/java/com/acme/App.kt', 'package com.acme\nimport com.facebook.FacebookSdk\nimport com.facebook.appevents.AppEventsLogger\nimport com.facebook.react.ReactApplication\n', ['facebook-sdk']],
    ['app/src/main/java/com/acme/MapActivity.kt', 'package com.acme\nimport com.google.android.gms.maps.GoogleMap\nimport com.google.android.gms.maps.OnMapReadyCallback\n', ['google-maps']],
    ['android/app/src/main/java/com/acme/MainApplication.java', 'package com.acme;\nimport com.facebook.react.ReactApplication;\nimport com.facebook.soloader.SoLoader;\n', []],
  ])('%s', (path, text, expected) => {
    expect(servicesOf(path, text)).toEqual(expected);
  });

  it.each([
    ['res/values/strings.xml', '<resources>\n  <string name="api_base">https://api.vendor-unknown.io/v2</string>\n</resources>', ['api.vendor-unknown.io']],
    // A page people open: a value named for one, or a sentence.
    ['res/values/strings.xml', '<resources>\n  <string name="privacy_policy_url">https://www.vendor-unknown.io/p</string>\n</resources>', []],
    ['res/values/strings.xml', '<resources>\n  <string name="onboarding_text">Read more about us at https://www.vendor-unknown.io/team and tell your friends.</string>\n</resources>', []],
  ])('%s: %j', (path, text, expected) => {
    expect(unclassifiedOf(path, text)).toEqual(expected);
  });

  it.each([
    ['app/src/main/AndroidManifest.xml', true],
    ['app/src/main/res/values-de/strings.xml', true],
    ['ios/App/Info.plist', true],
    ['App.config', true],
    // Layouts, sitemaps, feeds and other XML are not settings.
    ['app/src/main/res/layout/main.xml', false],
    ['public/sitemap.xml', false],
    ['feed.xml', false],
  ])('%s is read: %s', (path, read) => {
    expect(routeFor(path) !== undefined).toBe(read);
  });
});
