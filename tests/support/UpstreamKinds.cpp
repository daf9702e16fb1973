#include "tests/support/UpstreamKinds.h"

UpstreamKinds::UpstreamKinds()
    : m_rsa(RsaKeyPair::generate())
{ }

QMap<QString, UpstreamKinds::Upstream> UpstreamKinds::all()
{
    return {
        { "openai-compatible", { "openai-compatible", "gpt-4.1", "/v1/chat/completions" } },
        { "openai", { "openai", "gpt-4.1", "/v1/responses" } },
        { "anthropic", { "anthropic", "claude-sonnet-4-5", "/v1/messages" } },
        { "bedrock",
            { "bedrock", "anthropic.claude-sonnet-4-5-v1:0",
                "/model/us.anthropic.claude-sonnet-4-5-v1%3A0/converse-stream" } },
        { "vertex-gemini",
            { "vertex", "gemini-2.5-flash",
                "/v1/publishers/google/models/gemini-2.5-flash:streamGenerateContent" } },
        { "vertex-claude",
            { "vertex", "claude-sonnet-4-5@20250929",
                "/v1/projects/keyway-test/locations/global/publishers/anthropic/models/"
                "claude-sonnet-4-5@20250929:streamRawPredict" } },
        { "gemini",
            { "gemini", "gemini-2.5-flash",
                "/v1beta/models/gemini-2.5-flash:streamGenerateContent" } },
    };
}

RouterHarness::Key UpstreamKinds::keyFor(
    RouterHarness& h, const QString& kind, const QString& label) const
{
    const Upstream upstream = of(kind);
    RouterHarness::Key key(label, Tier::Prioritized, {}, upstream.providerId);
    if (upstream.providerId == u"bedrock") { // with a Bedrock API key: the label
        key.settings = { { "region", "us-east-1" } };
        key.servedModels = { upstream.model }; // Bedrock's ids name no provider Keyway knows
    } else if (kind == u"vertex-claude") {
        key.secret = FakeGoogleAuth::serviceAccountJson(
            m_email, m_rsa.privatePem, h.fake().tokenUrl(), QStringLiteral("keyway-test"));
        key.settings = { { "region", "global" } };
        h.fake().googleAuth().addAccount(m_email, { .publicPem = m_rsa.publicPem });
    }
    return key;
}

QByteArray UpstreamKinds::fakeKeyOf(const QString& kind, const QString& label) const
{
    return kind == u"vertex-claude" ? m_email.toUtf8() : RouterHarness::secretOf(label);
}
