#include "router/providers/google/VertexEndpoint.h"

namespace {

bool isServiceAccount(const UpstreamTarget& target)
{
    return target.secret.trimmed().startsWith(u'{');
}

QString baseUrl(const UpstreamTarget& target, const QString& region)
{
    QString base = target.baseUrl;
    if (base.isEmpty()) {
        base = region == u"global"
            ? QStringLiteral("https://aiplatform.googleapis.com")
            : QStringLiteral("https://%1-aiplatform.googleapis.com").arg(region);
    }
    while (base.endsWith(u'/'))
        base.chop(1);
    return base;
}

} // namespace

std::optional<GoogleServiceAccount> VertexEndpoint::serviceAccount(const UpstreamTarget& target)
{
    if (!isServiceAccount(target))
        return std::nullopt;
    return GoogleServiceAccount::fromJson(target.secret, nullptr);
}

QString VertexEndpoint::region(const UpstreamTarget& target)
{
    const QString region = target.settings.value(QStringLiteral("region")).toString().trimmed();
    return region.isEmpty() ? QStringLiteral("global") : region;
}

std::optional<QUrl> VertexEndpoint::url(const UpstreamTarget& target, QStringView publisher,
    const QString& model, const QString& method, QString* error)
{
    // The client names the model: encoded, it stays one path segment ('@' is Vertex's).
    const QString call = QStringLiteral("/publishers/%1/models/%2:%3")
                             .arg(publisher.toString(),
                                 QString::fromLatin1(QUrl::toPercentEncoding(model, "@")), method);
    if (!isServiceAccount(target)) {
        if (publisher != u"google") {
            if (error)
                *error = QStringLiteral("Vertex express mode serves Google's models only; "
                                        "partner models need a service account");
            return std::nullopt;
        }
        return QUrl(baseUrl(target, QStringLiteral("global")) + QStringLiteral("/v1") + call);
    }
    const std::optional<QString> location = locationUrl(target, region(target), error);
    if (!location)
        return std::nullopt;
    return QUrl(*location + call);
}

std::optional<QString> VertexEndpoint::locationUrl(
    const UpstreamTarget& target, const QString& location, QString* error)
{
    // The key's project is set when it is added (from the JSON's project_id): the JSON is read
    // again only when it is not.
    QString project = target.settings.value(QStringLiteral("project")).toString().trimmed();
    if (project.isEmpty()) {
        const auto account = GoogleServiceAccount::fromJson(target.secret, error);
        if (!account)
            return std::nullopt;
        project = account->projectId();
    }
    if (project.isEmpty()) {
        if (error)
            *error = QStringLiteral("Vertex key without a project");
        return std::nullopt;
    }
    return baseUrl(target, location)
        + QStringLiteral("/v1/projects/%1/locations/%2").arg(project, location);
}

void VertexEndpoint::authorize(UpstreamRequest& request, const UpstreamTarget& target)
{
    if (isServiceAccount(target))
        request.headers.append({ "Authorization", "Bearer " + target.accessToken.toUtf8() });
    else
        request.headers.append({ "x-goog-api-key", target.secret.trimmed().toUtf8() });
}
