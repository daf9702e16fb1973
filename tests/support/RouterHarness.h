#pragma once

#include "router/Router.h"
#include "tests/support/FakeProvider.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QNetworkAccessManager>

#include <memory>

// A router on 127.0.0.1 in front of a fake provider, and a client for it: what the router
// tests share. Keys are "openai" keys whose endpoint is the fake; each key's secret is its
// label in lower case, which is how the fake's scripts and attempts name it.
class RouterHarness
{
public:
    struct Key
    {
        Key(QString label, Tier tier = Tier::Prioritized, QStringList servedModels = {},
            QString providerId = QStringLiteral("openai"))
            : label(std::move(label))
            , tier(tier)
            , servedModels(std::move(servedModels))
            , providerId(std::move(providerId))
        { }

        QString label;
        Tier tier = Tier::Prioritized;
        QStringList servedModels;
        QString providerId = QStringLiteral("openai");
        QString secret; // empty: the label in lower case
        QJsonObject settings; // region, ...
        QString basePath; // after the fake's address, for endpoints with a prefix ("/anthropic")
        QString caFile; // an extra CA certificate the key trusts
    };

    struct Response
    {
        int status = 0;
        HttpHeaders headers;
        QByteArray body;
        qint64 elapsedMs = 0;

        QByteArray header(QByteArrayView name) const;
        QJsonValue json() const; // the body's JSON, to index into
        // The data of each server-sent event, in order ("[DONE]" included).
        QList<QByteArray> events() const;
    };

    static constexpr qint64 memberId = 1;
    static constexpr qint64 workspaceId = 1;
    static constexpr qint64 localKeyId = 7;
    static QByteArray token() { return "kw-" + QByteArray(43, 't'); } // well formed
    static QByteArray secretOf(const QString& label) { return label.toLower().toUtf8(); }

    RouterHarness();
    ~RouterHarness();

    FakeProvider& fake() { return *m_fake; }
    Router& router() { return *m_router; }
    QString url(const QString& path) const;

    // The snapshot setKeys() builds routes with this catalog (empty unless a test fills it).
    ModelCatalog catalog;
    void setKeys(const QList<Key>& keys, RouterSettings settings = {});

    // An empty `bearer` sends no Authorization header; `headers` go along as given.
    Response post(const QString& path, const QJsonObject& body, const QByteArray& bearer = token(),
        const HttpHeaders& headers = {});
    Response get(const QString& path, const QByteArray& bearer = token());
    // A chat completion request for `model`.
    static QJsonObject chat(const QString& model, bool stream = false);

    // The records of the requests finished so far, as the router reported them.
    QList<RequestRecord> finished() const { return m_finished; }
    RequestRecord lastFinished() const { return m_finished.value(m_finished.size() - 1); }

private:
    Response send(const QByteArray& method, const QString& path, const QByteArray& body,
        const QByteArray& bearer, const HttpHeaders& headers = {});

    std::unique_ptr<FakeProvider> m_fake;
    std::unique_ptr<Router> m_router;
    QNetworkAccessManager m_client;
    QList<RequestRecord> m_finished;
};
