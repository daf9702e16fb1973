#include "tests/support/RouterChat.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>

RouterChat::Reply RouterChat::send(
    QNetworkAccessManager& client, const QString& address, const QByteArray& token)
{
    QNetworkRequest request { QUrl(address + QStringLiteral("/v1/chat/completions")) };
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
    request.setRawHeader("Authorization", "Bearer " + token);
    QNetworkReply* reply = client.post(request,
        QByteArray("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"));
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        done.wait(30000);
    reply->deleteLater();
    return { reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
        reply->rawHeader("x-keyway-key"), reply->rawHeader("x-keyway-request-id"),
        reply->readAll() };
}
