#include "router/providers/google/VertexEndpoint.h"

#include <QRegularExpression>

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
    Result<GoogleServiceAccount> account = GoogleServiceAccount::fromJson(target.secret);
    if (!account)
        return std::nullopt;
    return std::move(*account);
}

QString VertexEndpoint::region(const UpstreamTarget& target)
{
    const QString region = target.settings.value(QStringLiteral("region")).toString().trimmed();
    return region.isEmpty() ? QStringLiteral("global") : region;
}

Result<QUrl> VertexEndpoint::url(const UpstreamTarget& target, QStringView publisher,
    const QString& model, const QString& method)
{
    // The client names the model: encoded, it stays one path segment ('@' is Vertex's).
    const QString call = QStringLiteral("/publishers/%1/models/%2:%3")
                             .arg(publisher.toString(),
                                 QString::fromLatin1(QUrl::toPercentEncoding(model, "@")), method);
    if (!isServiceAccount(target)) {
        if (publisher != u"google") {
            return unsupported(QStringLiteral("Vertex express mode serves Google's models only; "
                                              "partner models need a service account"));
        }
        return QUrl(baseUrl(target, QStringLiteral("global")) + QStringLiteral("/v1") + call);
    }
    // The region becomes part of the host name: a name that is no region never leaves Google.
    static const QRegularExpression regionName(QStringLiteral("^[a-z0-9]+(-[a-z0-9]+)*$"));
    if (!regionName.match(region(target)).hasMatch()) {
        return invalidInput(
            QStringLiteral("The Vertex region \"%1\" is not a region name").arg(region(target)));
    }
    const Result<QString> location = locationUrl(target, region(target));
    if (!location)
        return location.failure();
    return QUrl(*location + call);
}

Result<QString> VertexEndpoint::locationUrl(const UpstreamTarget& target, const QString& location)
{
    // The key's project is set when it is added (from the JSON's project_id): the JSON is read
    // again only when it is not.
    QString project = target.settings.value(QStringLiteral("project")).toString().trimmed();
    if (project.isEmpty()) {
        const auto account = GoogleServiceAccount::fromJson(target.secret);
        if (!account)
            return account.failure();
        project = account->projectId();
    }
    if (project.isEmpty())
        return invalidInput(QStringLiteral("Vertex key without a project"));
    return QString(baseUrl(target, location)
        + QStringLiteral("/v1/projects/%1/locations/%2").arg(project, location));
}

void VertexEndpoint::authorize(UpstreamRequest& request, const UpstreamTarget& target)
{
    if (isServiceAccount(target))
        request.headers.append({ "Authorization", "Bearer " + target.accessToken.toUtf8() });
    else
        request.headers.append({ "x-goog-api-key", target.secret.trimmed().toUtf8() });
}
