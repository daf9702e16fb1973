#include "router/providers/google/VertexClaudeAdapter.h"

#include "router/providers/anthropic/AnthropicBridge.h"
#include "router/providers/google/GoogleErrors.h"
#include "router/providers/google/VertexEndpoint.h"

#include <QJsonDocument>

namespace {

// The betas Claude on Vertex AI accepts (as of November 2026), and the name each has there.
const QHash<QByteArray, QByteArray>& vertexBetas()
{
    static const QHash<QByteArray, QByteArray> betas {
        { "advanced-tool-use-2025-11-20", "tool-search-tool-2025-10-19" },
        { "compact-2026-01-12", "compact-2026-01-12" },
        { "compact-2026-09-04", "compact-2026-09-04" },
        { "computer-use-2025-01-24", "computer-use-2025-01-24" },
        { "computer-use-2025-11-24", "computer-use-2025-11-24" },
        { "context-1m-2025-08-07", "context-1m-2025-08-07" },
        { "context-management-2025-06-27", "context-management-2025-06-27" },
        { "dangerous-tool-use-2026-09-03", "dangerous-tool-use-2026-09-03" },
        { "interleaved-thinking-2025-05-14", "interleaved-thinking-2025-05-14" },
        { "per-turn-control-2026-07-01", "per-turn-control-2026-07-01" },
        { "thinking-binding-controls-2026-08-01", "thinking-binding-controls-2026-08-01" },
        { "thinking-display-updates-2026-08-18", "thinking-display-updates-2026-08-18" },
        { "tool-search-tool-2025-10-19", "tool-search-tool-2025-10-19" },
        { "web-search-2025-03-05", "web-search-2025-03-05" },
    };
    return betas;
}

// Request fields that only a beta makes valid: without the beta Vertex would refuse them.
const QHash<QByteArray, const char*>& fieldsOfBetas()
{
    static const QHash<QByteArray, const char*> fields {
        { "effort-2025-11-24", "output_config" },
        { "mcp-client-2025-04-04", "mcp_servers" },
        { "mcp-client-2025-11-20", "mcp_servers" },
        { "skills-2025-10-02", "container" },
        { "code-execution-2025-08-25", "container" },
    };
    return fields;
}

} // namespace

QList<QByteArray> VertexClaudeAdapter::acceptedBetas(const QByteArray& header, QStringList* dropped)
{
    QList<QByteArray> accepted;
    for (const QByteArray& entry : header.split(',')) {
        const QByteArray beta = entry.trimmed();
        if (beta.isEmpty())
            continue;
        if (const auto known = vertexBetas().constFind(beta); known != vertexBetas().cend()) {
            if (!accepted.contains(*known))
                accepted.append(*known);
        } else {
            dropped->append(QStringLiteral("anthropic-beta: ") + QString::fromLatin1(beta));
        }
    }
    return accepted;
}

Result<UpstreamRequest> VertexClaudeAdapter::buildRequest(
    const UpstreamTarget& target, const ClientCall& call, const QString& upstreamModel) const
{
    QStringList dropped;
    const bool counting = call.endpoint == ClientEndpoint::CountTokens;
    Result<QJsonObject> body = counting
        ? Result<QJsonObject>(call.body)
        : AnthropicBridge::request(call, QStringLiteral("Vertex AI"), &dropped);
    if (!body)
        return body.failure();
    // Counting is a model of its own that takes the model in the body.
    const Result<QUrl> url = counting
        ? VertexEndpoint::url(
            target, u"anthropic", QStringLiteral("count-tokens"), QStringLiteral("rawPredict"))
        : VertexEndpoint::url(target, u"anthropic", upstreamModel,
            call.stream ? QStringLiteral("streamRawPredict") : QStringLiteral("rawPredict"));
    if (!url)
        return url.failure();
    if (counting)
        body->insert(QStringLiteral("model"), upstreamModel);
    else
        body->remove(QStringLiteral("model"));
    body->insert(QStringLiteral("anthropic_version"), QLatin1StringView(vertexVersion));

    UpstreamRequest request;
    request.url = *url;
    request.headers = { { "Content-Type", "application/json" } };
    const QByteArray betaHeader = headerValue(call.forwardedHeaders, "anthropic-beta");
    if (const QList<QByteArray> betas = acceptedBetas(betaHeader, &dropped); !betas.isEmpty())
        request.headers.append({ "anthropic-beta", betas.join(',') });
    for (const QByteArray& beta : betaHeader.split(',')) {
        const char* field = fieldsOfBetas().value(beta.trimmed());
        if (field && body->contains(QLatin1StringView(field))) {
            body->remove(QLatin1StringView(field));
            dropped.append(QLatin1StringView(field));
        }
    }
    VertexEndpoint::authorize(request, target);
    request.body = QJsonDocument(*body).toJson(QJsonDocument::Compact);
    request.droppedFields = dropped;
    return request;
}

UpstreamOutcome VertexClaudeAdapter::classify(
    int httpStatus, const HttpHeaders& /*headers*/, const QByteArray& body) const
{
    // Google's front end answers for auth and quotas; the model's own errors are Anthropic's.
    return GoogleErrors::classify(httpStatus, body);
}

std::optional<std::chrono::milliseconds> VertexClaudeAdapter::cooldown(
    const HttpHeaders& headers, const QByteArray& body) const
{
    return GoogleErrors::cooldown(headers, body, QDateTime::currentDateTimeUtc());
}
