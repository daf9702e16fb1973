#include "VertexEndpoint.h"

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
    const QString call
        = QStringLiteral("/publishers/%1/models/%2:%3").arg(publisher.toString(), model, method);
    if (!isServiceAccount(target)) {
        if (publisher != u"google") {
            if (error)
                *error = QStringLiteral("Vertex express mode serves Google's models only; "
                                        "partner models need a service account");
            return std::nullopt;
        }
        return QUrl(baseUrl(target, QStringLiteral("global")) + QStringLiteral("/v1") + call);
    }
    const std::optional<GoogleServiceAccount> account
        = GoogleServiceAccount::fromJson(target.secret, error);
    if (!account)
        return std::nullopt;
    QString project = target.settings.value(QStringLiteral("project")).toString().trimmed();
    if (project.isEmpty())
        project = account->projectId();
    if (project.isEmpty()) {
        if (error)
            *error = QStringLiteral("Vertex key without a project");
        return std::nullopt;
    }
    const QString location = region(target);
    return QUrl(baseUrl(target, location)
        + QStringLiteral("/v1/projects/%1/locations/%2").arg(project, location) + call);
}

void VertexEndpoint::authorize(UpstreamRequest& request, const UpstreamTarget& target)
{
    if (isServiceAccount(target))
        request.headers.append({ "Authorization", "Bearer " + target.accessToken.toUtf8() });
    else
        request.headers.append({ "x-goog-api-key", target.secret.trimmed().toUtf8() });
}
