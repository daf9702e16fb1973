#pragma once

#include "tests/support/RouterHarness.h"
#include "tests/support/RsaKeyPair.h"

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>

// Every kind of upstream a client's request can reach through the router, each as a key on the
// harness's fake provider with the model a client asks it for: OpenAI's own (the Responses API),
// an OpenAI-compatible service (chat completions), Anthropic, Bedrock (a Bedrock API key),
// Vertex AI's Gemini (an express-mode API key) and Claude (a service account), and Gemini. What
// TestInboundProtocols and the SDK and CLI tests drive each protocol through:
//
//   UpstreamKinds kinds; // one RSA key pair for the Vertex service account
//   harness.setKeys({ kinds.keyFor(harness, QStringLiteral("vertex-claude"), u"Only"_qs) });
//   harness.fake().script(kinds.fakeKeyOf(u"vertex-claude"_qs, u"Only"_qs), {}, ...);
class UpstreamKinds
{
public:
    struct Upstream
    {
        QString providerId;
        QString model;
        QByteArray path; // of the fake's endpoint the router should call, streamed
    };

    UpstreamKinds();

    static QMap<QString, Upstream> all();
    static QStringList names() { return all().keys(); }
    static Upstream of(const QString& kind) { return all().value(kind); }

    // The key for an upstream kind, whose secret the fake's scripts know it by; a Vertex
    // service account is registered with the harness's fake token endpoint on the way.
    RouterHarness::Key keyFor(RouterHarness& h, const QString& kind, const QString& label) const;
    // What the fake's scripts and attempts call a key: Vertex service accounts by their email.
    QByteArray fakeKeyOf(const QString& kind, const QString& label) const;

private:
    RsaKeyPair m_rsa; // generating one takes a while: once per test case, not per key
    QString m_email = QStringLiteral("inbound@keyway-test.iam.gserviceaccount.com");
};
